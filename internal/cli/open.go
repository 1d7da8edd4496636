package cli

import (
	"context"
	"fmt"
	"os"

	"github.com/sitrep/sitrep/internal/store"
	"github.com/sitrep/sitrep/internal/store/postgres"
	"github.com/sitrep/sitrep/internal/store/sqlite"
)

// openStore opens the store --db names: the PostgreSQL database of a
// postgres:// or postgresql:// URL, or else an SQLite file, made if it
// does not exist.
func openStore(ctx context.Context, db string) (store.Store, error) {
	if postgres.IsURL(db) {
		return postgres.Open(ctx, db)
	}
	return sqlite.Open(ctx, db)
}

// storeExists says why db cannot be read from when it names an SQLite
// file that does not exist, rather than make an empty one; whether a
// server's database exists is found on opening it.
func storeExists(db string) error {
	if postgres.IsURL(db) {
		return nil
	}
	if _, err := os.Stat(db); err != nil {
		return fmt.Errorf("database %s: %w", db, err)
	}
	return nil
}

// dbName is db as it is shown: a URL without its password.
func dbName(db string) string {
	if postgres.IsURL(db) {
		return postgres.Redact(db)
	}
	return db
}
