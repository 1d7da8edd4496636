// Package cputime reads the CPU time the process has used, for benchmarks
// to report beside wall time: on cores shared with other work, wall time
// stretches with the machine's load and CPU time does not. Meter reports
// a benchmark's rate in both; Texts runs one over a set of texts.
package cputime
