package load

import "testing"

func TestIsHeading(t *testing.T) {
	tests := []struct {
		block string
		want  bool
	}{
		{"Air force strikes back", true},
		{"Drone strike hits market in El Fasher as shelling pounds displacement camp", true},
		{"By Amina Bello", true},
		{"Five soldiers were killed.", false},
		{"“We repelled them,” the army said.", false},
		{"Kindle for PCの起動ホットキーがKeePassと被る", true},
		{"もちろん、Apple社は「脱獄」を認めていません。", false},
		{"報道によると、今回販売されたのは、いわゆる「脱獄」したiPhone。", false},
		// No stop, but as long as a paragraph: 50 characters are 25 words.
		{"通常権利者により正規のルートで販売された商品をそのまま転売する場合は商標権侵害にはなりませんしかし今回の事件のように権利者の意思に基づくことなく", false},
		{"Недостатки диеты Аткинса", true},
	}
	for _, tt := range tests {
		if got := isHeading(tt.block); got != tt.want {
			t.Errorf("isHeading(%q) = %v, want %v", tt.block, got, tt.want)
		}
	}
}
