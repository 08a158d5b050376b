//go:build !windows && (amd64 || arm64 || riscv64 || ppc64le || s390x || loong64)

package store

// initialMmapSize is the address space bbolt maps at open. On these
// systems it is only address space: the file still grows as it is written.
// Without it, every doubling of the file during one large transaction (a
// 100,000-row import) remaps and copies all the transaction's dirty nodes.
const initialMmapSize = 1 << 30

// fileGrowStep is how much the file grows at a time once it is written
// past its end.
const fileGrowStep = 1 << 20
