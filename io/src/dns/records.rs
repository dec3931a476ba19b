//! hickory's parsed records → Node's result shapes ([`Answer`]).
//!
//! A response's answer section can hold more than the asked-for type (the CNAME chain in front
//! of an A answer, say); like c-ares' `ares_parse_*_reply`, only records of the asked-for type
//! count, and none at all is `ENODATA`. `resolveAny` keeps every type Node knows, grouped in
//! the order Node's `ParseAnyReply` emits them (A, AAAA, CNAME, MX, NS, TXT, SRV, PTR, NAPTR,
//! SOA, CAA), each group in wire order.

use hickory_proto::rr::{Name, RData, Record};

use super::error::DnsErrorCode;
use super::types::{
    latin1, AddressTtl, Answer, AnyRecord, CaaRecord, MxRecord, NaptrRecord, RecordType,
    ResolveOptions, SoaRecord, SrvRecord,
};

/// A name as c-ares prints it: ASCII (escapes for odd bytes), no trailing dot, root as "".
pub(crate) fn name_string(name: &Name) -> String {
    let mut s = name.to_ascii();
    if s.ends_with('.') && !s.ends_with("\\.") || s == "." {
        s.pop();
    }
    s
}

fn mx(r: &hickory_proto::rr::rdata::MX) -> MxRecord {
    MxRecord { exchange: name_string(&r.exchange), priority: r.preference }
}

fn soa(r: &hickory_proto::rr::rdata::SOA) -> SoaRecord {
    // The wire fields are unsigned 32-bit; hickory stores some as i32, so cast back bitwise.
    SoaRecord {
        nsname: name_string(&r.mname),
        hostmaster: name_string(&r.rname),
        serial: r.serial,
        refresh: r.refresh as u32,
        retry: r.retry as u32,
        expire: r.expire as u32,
        minttl: r.minimum,
    }
}

fn srv(r: &hickory_proto::rr::rdata::SRV) -> SrvRecord {
    SrvRecord { name: name_string(&r.target), port: r.port, priority: r.priority, weight: r.weight }
}

fn naptr(r: &hickory_proto::rr::rdata::NAPTR) -> NaptrRecord {
    NaptrRecord {
        flags: latin1(&r.flags),
        service: latin1(&r.services),
        regexp: latin1(&r.regexp),
        replacement: name_string(&r.replacement),
        order: r.order,
        preference: r.preference,
    }
}

fn caa(r: &hickory_proto::rr::rdata::CAA) -> CaaRecord {
    CaaRecord { critical: r.flags(), tag: r.tag.clone(), value: latin1(&r.value) }
}

fn txt(r: &hickory_proto::rr::rdata::TXT) -> Vec<String> {
    r.txt_data.iter().map(|chunk| latin1(chunk)).collect()
}

/// Node's ANY grouping order; lower sorts first.
fn any_rank(record: &AnyRecord) -> u8 {
    match record {
        AnyRecord::A(_) => 0,
        AnyRecord::Aaaa(_) => 1,
        AnyRecord::Cname(_) => 2,
        AnyRecord::Mx(_) => 3,
        AnyRecord::Ns(_) => 4,
        AnyRecord::Txt(_) => 5,
        AnyRecord::Srv(_) => 6,
        AnyRecord::Ptr(_) => 7,
        AnyRecord::Naptr(_) => 8,
        AnyRecord::Soa(_) => 9,
        AnyRecord::Caa(_) => 10,
    }
}

fn any(record: &Record) -> Option<AnyRecord> {
    Some(match &record.data {
        RData::A(a) => AnyRecord::A(AddressTtl { address: a.0, ttl: record.ttl }),
        RData::AAAA(a) => AnyRecord::Aaaa(AddressTtl { address: a.0, ttl: record.ttl }),
        RData::CNAME(n) => AnyRecord::Cname(name_string(&n.0)),
        RData::MX(r) => AnyRecord::Mx(mx(r)),
        RData::NS(n) => AnyRecord::Ns(name_string(&n.0)),
        RData::TXT(r) => AnyRecord::Txt(txt(r)),
        RData::SRV(r) => AnyRecord::Srv(srv(r)),
        RData::PTR(n) => AnyRecord::Ptr(name_string(&n.0)),
        RData::NAPTR(r) => AnyRecord::Naptr(naptr(r)),
        RData::SOA(r) => AnyRecord::Soa(soa(r)),
        RData::CAA(r) => AnyRecord::Caa(caa(r)),
        _ => return None,
    })
}

/// Collects the records of one type; `ENODATA` if there are none.
fn collect<T>(
    records: &[Record],
    pick: impl Fn(&Record) -> Option<T>,
) -> Result<Vec<T>, DnsErrorCode> {
    let out: Vec<T> = records.iter().filter_map(pick).collect();
    if out.is_empty() {
        Err(DnsErrorCode::NoData)
    } else {
        Ok(out)
    }
}

/// Builds the answer to a `rrtype` query from the answer section's records.
pub(crate) fn to_answer(
    records: &[Record],
    rrtype: RecordType,
    options: &ResolveOptions,
) -> Result<Answer, DnsErrorCode> {
    Ok(match rrtype {
        RecordType::A if options.ttl => Answer::ATtl(collect(records, |r| match &r.data {
            RData::A(a) => Some(AddressTtl { address: a.0, ttl: r.ttl }),
            _ => None,
        })?),
        RecordType::A => Answer::A(collect(records, |r| match &r.data {
            RData::A(a) => Some(a.0),
            _ => None,
        })?),
        RecordType::Aaaa if options.ttl => Answer::AaaaTtl(collect(records, |r| match &r.data {
            RData::AAAA(a) => Some(AddressTtl { address: a.0, ttl: r.ttl }),
            _ => None,
        })?),
        RecordType::Aaaa => Answer::Aaaa(collect(records, |r| match &r.data {
            RData::AAAA(a) => Some(a.0),
            _ => None,
        })?),
        RecordType::Any => {
            let mut all = collect(records, any)?;
            // Stable: each type keeps wire order.
            all.sort_by_key(any_rank);
            Answer::Any(all)
        }
        RecordType::Caa => Answer::Caa(collect(records, |r| match &r.data {
            RData::CAA(c) => Some(caa(c)),
            _ => None,
        })?),
        RecordType::Cname => Answer::Cname(collect(records, |r| match &r.data {
            RData::CNAME(n) => Some(name_string(&n.0)),
            _ => None,
        })?),
        RecordType::Mx => Answer::Mx(collect(records, |r| match &r.data {
            RData::MX(m) => Some(mx(m)),
            _ => None,
        })?),
        RecordType::Naptr => Answer::Naptr(collect(records, |r| match &r.data {
            RData::NAPTR(n) => Some(naptr(n)),
            _ => None,
        })?),
        RecordType::Ns => Answer::Ns(collect(records, |r| match &r.data {
            RData::NS(n) => Some(name_string(&n.0)),
            _ => None,
        })?),
        RecordType::Ptr => Answer::Ptr(collect(records, |r| match &r.data {
            RData::PTR(n) => Some(name_string(&n.0)),
            _ => None,
        })?),
        RecordType::Soa => {
            // Node's resolveSoa yields one object: the first SOA.
            let first = collect(records, |r| match &r.data {
                RData::SOA(s) => Some(soa(s)),
                _ => None,
            })?;
            match first.into_iter().next() {
                Some(s) => Answer::Soa(s),
                None => return Err(DnsErrorCode::NoData),
            }
        }
        RecordType::Srv => Answer::Srv(collect(records, |r| match &r.data {
            RData::SRV(s) => Some(srv(s)),
            _ => None,
        })?),
        RecordType::Txt => Answer::Txt(collect(records, |r| match &r.data {
            RData::TXT(t) => Some(txt(t)),
            _ => None,
        })?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_the_root_dot() {
        assert_eq!(name_string(&Name::from_ascii("a.example.").unwrap()), "a.example");
        assert_eq!(name_string(&Name::from_ascii("a.example").unwrap()), "a.example");
        assert_eq!(name_string(&Name::root()), "");
    }

    #[test]
    fn empty_is_nodata() {
        assert_eq!(
            to_answer(&[], RecordType::Mx, &ResolveOptions::default()),
            Err(DnsErrorCode::NoData)
        );
    }
}
