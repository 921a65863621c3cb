//! GMPLS value tables shared by the printers of protocols that carry them (tcpdump's
//! gmpls.c): link protection, switching capabilities and encodings (RFC 3471, 4205) and the
//! DiffServ-TE bandwidth-constraint models that OSPF-TE prints, and the UNI 1.0
//! service-discovery link and signal types LMP prints.

use super::tok::Tok;

/// `gmpls_switch_cap_values`.
pub(crate) const SWITCH_CAP: Tok = &[
    (1, "Packet-Switch Capable-1"),
    (2, "Packet-Switch Capable-2"),
    (3, "Packet-Switch Capable-3"),
    (4, "Packet-Switch Capable-4"),
    (51, "Layer-2 Switch Capable"),
    (100, "Time-Division-Multiplex"),
    (150, "Lambda-Switch Capable"),
    (200, "Fiber-Switch Capable"),
];

/// `gmpls_encoding_values`.
pub(crate) const ENCODING: Tok = &[
    (1, "Packet"),
    (2, "Ethernet V2/DIX"),
    (3, "ANSI/ETSI PDH"),
    (4, "Reserved"),
    (5, "SDH ITU-T G.707/SONET ANSI T1.105"),
    (6, "Reserved"),
    (7, "Digital Wrapper"),
    (8, "Lambda (photonic)"),
    (9, "Fiber"),
    (10, "Reserved"),
    (11, "FiberChannel"),
];

/// `lmp_sd_service_config_cpsa_link_type_values`.
pub(crate) const CPSA_LINK_TYPE: Tok = &[(5, "SDH ITU-T G.707"), (6, "SONET ANSI T1.105")];

/// `lmp_sd_service_config_cpsa_signal_type_sdh_values`.
pub(crate) const CPSA_SIGNAL_SDH: Tok = &[
    (5, "VC-3"),
    (6, "VC-4"),
    (7, "STM-0"),
    (8, "STM-1"),
    (9, "STM-4"),
    (10, "STM-16"),
    (11, "STM-64"),
    (12, "STM-256"),
];

/// `lmp_sd_service_config_cpsa_signal_type_sonet_values`.
pub(crate) const CPSA_SIGNAL_SONET: Tok = &[
    (5, "STS-1 SPE"),
    (6, "STS-3c SPE"),
    (7, "STS-1"),
    (8, "STM-3"),
    (9, "STM-12"),
    (10, "STM-48"),
    (11, "STM-192"),
    (12, "STM-768"),
];

/// `gmpls_link_prot_values` (gmpls.c, RFC 3471).
pub(crate) const LINK_PROT: Tok = &[
    (0x01, "Extra Traffic"),
    (0x02, "Unprotected"),
    (0x04, "Shared"),
    (0x08, "Dedicated 1:1"),
    (0x10, "Dedicated 1+1"),
    (0x20, "Enhanced"),
    (0x40, "Reserved"),
    (0x80, "Reserved"),
];

/// `diffserv_te_bc_values` (gmpls.c).
pub(crate) const DIFFSERV_TE_BC: Tok = &[
    (0, "Russian dolls"),
    (1, "Maximum allocation"),
    (254, "Maximum allocation with E-LSP support"),
];
