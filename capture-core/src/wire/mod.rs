//! Zero-copy views of protocol headers, one protocol per file (after smoltcp's `wire`).
