// Package cli implements guifan's sub-commands: flags with environment fallbacks
// into one Config, validated before anything starts.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"time"
)

// Config is everything the sub-commands can be told.
type Config struct {
	Addr          string
	Library       string
	Index         string
	StaffToken    string // plain token from the environment; hashed at start-up and never kept
	StaffTokenSHA string // or its SHA-256 in hex
	Workers       int
	FileTimeout   time.Duration
	Reload        time.Duration
	LogFormat     string
	NoIngest      bool // serve only what is already indexed (read replicas)
	RefusePrivate bool // withhold public documents with personal information
}

func env(name, def string) string {
	if v, ok := os.LookupEnv(name); ok && v != "" {
		return v
	}
	return def
}

func envDuration(name string, def time.Duration) time.Duration {
	if v := os.Getenv(name); v != "" {
		if d, err := time.ParseDuration(v); err == nil {
			return d
		}
	}
	return def
}

// commonFlags registers the flags every sub-command shares.
func (c *Config) commonFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.Library, "library", env("GUIFAN_LIBRARY", "library"), "library folder to ingest (env GUIFAN_LIBRARY)")
	fs.StringVar(&c.Index, "index", env("GUIFAN_INDEX", "index"), "index folder (env GUIFAN_INDEX)")
	fs.StringVar(&c.LogFormat, "log", env("GUIFAN_LOG", "text"), "log format: text or json (env GUIFAN_LOG)")
}

func (c *Config) validate() error {
	var errs []error
	if c.Index == "" {
		errs = append(errs, errors.New("-index must not be empty"))
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		errs = append(errs, fmt.Errorf("-log must be text or json, not %q", c.LogFormat))
	}
	if c.Workers < 0 {
		errs = append(errs, errors.New("-workers must not be negative"))
	}
	return errors.Join(errs...)
}
