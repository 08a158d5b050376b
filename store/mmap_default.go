//go:build windows || !(amd64 || arm64 || riscv64 || ppc64le || s390x || loong64)

package store

// initialMmapSize stays 0 where mapping ahead would cost: Windows sizes the
// file to the mapping, and 32-bit systems have little address space.
const initialMmapSize = 0

// fileGrowStep is how much the file grows at a time once it is written
// past its end.
const fileGrowStep = 1 << 20
