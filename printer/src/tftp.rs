//! TFTP (tcpdump's print-tftp.c), UDP port 69: the opcode, file name, mode and options of
//! requests, block numbers, error codes and messages.

use super::nd::{Nd, R};

/// `tftp_print`.
pub(crate) fn tftp_print(nd: &mut Nd, bp: usize, length: usize) -> R {
    nd.proto = "tftp";
    nd.s(b"TFTP, length ");
    nd.u(length as u64);
    if length < 2 {
        nd.trunc();
        return Ok(());
    }
    let opcode = nd.be2(bp)?;
    nd.s(b", ");
    nd.s(match opcode {
        1 => b"RRQ",
        2 => b"WRQ",
        3 => b"DATA",
        4 => b"ACK",
        5 => b"ERROR",
        6 => b"OACK",
        _ => {
            // A bogus opcode ends the line.
            nd.s(b"tftp-#");
            nd.u(opcode as u64);
            return Ok(());
        }
    });
    if !body(nd, bp + 2, length - 2, opcode)? {
        nd.trunc();
    }
    Ok(())
}

/// What follows the opcode; false where tcpdump jumps to `trunc`.
fn body(nd: &mut Nd, mut bp: usize, mut length: usize, opcode: u16) -> R<bool> {
    match opcode {
        1 | 2 => {
            if length == 0 {
                return Ok(false);
            }
            nd.s(b" \"");
            let ui = nd.printztn(bp, length)?;
            nd.s(b"\"");
            if ui == 0 {
                return Ok(false);
            }
            bp += ui;
            length -= ui;
            // The mode.
            if length == 0 {
                return Ok(false);
            }
            nd.s(b" ");
            let ui = nd.printztn(bp, length)?;
            if ui == 0 {
                return Ok(false);
            }
            options(nd, bp + ui, length - ui)
        }
        6 => options(nd, bp, length),
        3 | 4 => {
            if length < 2 {
                return Ok(false);
            }
            let block = nd.be2(bp)?;
            nd.s(b" block ");
            nd.u(block as u64);
            Ok(true)
        }
        _ => {
            if length < 2 {
                return Ok(false);
            }
            let code = nd.be2(bp)?;
            nd.s(b" ");
            let name: &[u8] = match code {
                0 => b"EUNDEF",
                1 => b"ENOTFOUND",
                2 => b"EACCESS",
                3 => b"ENOSPACE",
                4 => b"EBADOP",
                5 => b"EBADID",
                6 => b"EEXISTS",
                7 => b"ENOUSER",
                _ => {
                    nd.s(b"tftp-err-#");
                    nd.u(code as u64);
                    b" \""
                }
            };
            nd.s(name);
            bp += 2;
            length -= 2;
            if length == 0 {
                return Ok(false);
            }
            nd.s(b" \"");
            let ui = nd.printztn(bp, length)?;
            nd.s(b"\"");
            Ok(ui != 0)
        }
    }
}

/// Option names and values, NUL-terminated strings, each after a space unless empty.
fn options(nd: &mut Nd, mut bp: usize, mut length: usize) -> R<bool> {
    while length != 0 {
        if nd.u1(bp)? != 0 {
            nd.s(b" ");
        }
        let ui = nd.printztn(bp, length)?;
        if ui == 0 {
            return Ok(false);
        }
        bp += ui;
        length -= ui;
    }
    Ok(true)
}
