//go:build !linux

package pgtest

import (
	"context"
	"errors"
)

func startCluster(ctx context.Context, bin string) (string, func() error, error) {
	return "", nil, errors.New("throwaway clusters are made on Linux only")
}
