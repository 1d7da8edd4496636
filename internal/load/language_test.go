package load

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/RadhiFadlillah/whatlanggo"

	"github.com/sitrep/sitrep/corpus"
)

// TestEnglishAgrees checks that the quick English check never says English
// where whatlanggo, reading the same sample, would say otherwise or be
// unsure, and that it recognises most English articles.
func TestEnglishAgrees(t *testing.T) {
	var texts []string
	err := fs.WalkDir(corpus.Articles(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		b, err := fs.ReadFile(corpus.Articles(), path)
		texts = append(texts, string(b))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	lengthened, err := corpus.Lengthened()
	if err != nil {
		t.Fatal(err)
	}
	texts = append(texts, lengthened...)
	quick := 0
	for i, text := range texts {
		sample := text[:min(len(text), languageSample)]
		if !english(sample) {
			continue
		}
		quick++
		info := whatlanggo.Detect(sample)
		if !info.IsReliable() || info.Lang.Iso6391() != "en" {
			t.Errorf("text %d: english says yes, whatlanggo says %q (reliable %v):\n%.200s", i, info.Lang.Iso6391(), info.IsReliable(), sample)
		}
	}
	if quick*10 < len(texts)*9 {
		t.Errorf("english recognised %d of %d English texts, want nine in ten", quick, len(texts))
	}
}

func TestEnglish(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"english", "The army said on Tuesday that the attack on the base in the north of the country had killed at least twelve soldiers, and that the gunmen who carried it out had fled across the border. The governor of the state said the road to the town was closed and that the wounded had been taken to the hospital in the capital by the police.", true},
		{"too short", "The army said the attack killed twelve.", false},
		{"german", "Die Armee teilte am Dienstag mit, dass bei dem Angriff auf den Stützpunkt im Norden des Landes mindestens zwölf Soldaten getötet wurden und dass die Angreifer, die ihn verübt hatten, über die Grenze geflohen seien. Der Gouverneur des Bundesstaates sagte, die Straße in die Stadt sei gesperrt und die Verletzten seien in das Krankenhaus der Hauptstadt gebracht worden.", false},
		{"dutch", "Het leger zei dinsdag dat bij de aanval op de basis in het noorden van het land ten minste twaalf soldaten waren gedood en dat de schutters die de aanval hadden uitgevoerd over de grens waren gevlucht. De gouverneur van de staat zei dat de weg naar de stad was afgesloten en dat de gewonden door de politie naar het ziekenhuis in de hoofdstad waren gebracht.", false},
		{"french", "L'armée a déclaré mardi que l'attaque contre la base dans le nord du pays avait tué au moins douze soldats et que les hommes armés qui l'avaient menée avaient fui de l'autre côté de la frontière. Le gouverneur de l'État a déclaré que la route menant à la ville était fermée et que les blessés avaient été transportés à l'hôpital de la capitale par la police.", false},
		{"spanish ascii", "El ejercito dijo el martes que el ataque contra la base en el norte del pais habia matado al menos a doce soldados y que los hombres armados que lo llevaron a cabo habian huido a traves de la frontera. El gobernador del estado dijo que la carretera hacia la ciudad estaba cerrada y que los heridos habian sido llevados al hospital de la capital por la policia.", false},
		{"word list", strings.Repeat("the and of to ", 20), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := english(tt.text); got != tt.want {
				t.Errorf("english = %v, want %v", got, tt.want)
			}
		})
	}
}

func BenchmarkLanguage(b *testing.B) {
	texts, err := corpus.Lengthened()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("english", func(b *testing.B) {
		i := 0
		for b.Loop() {
			language(texts[i%len(texts)])
			i++
		}
	})
	b.Run("whatlanggo", func(b *testing.B) {
		i := 0
		for b.Loop() {
			whatlanggo.Detect(texts[i%len(texts)][:min(len(texts[i%len(texts)]), languageSample)])
			i++
		}
	})
}
