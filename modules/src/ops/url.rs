//! `internalBinding('url')`: the WHATWG URL Standard for `URL` and `node:url`.
//!
//! Node parses with ada; oxnode uses servo's `url` crate, which implements the same
//! standard (its `quirks` module is the standard's URL API: the getters and the setters
//! with their state overrides). JS keeps the parsed components and calls back here only
//! to parse and to run a setter, so a URL object never holds native memory.
//!
//! A parsed URL crosses to JS as an array in [`COMPONENTS`] order.

use engine::{HostValue, Op, OpCtx, OpResult, ThrowError};
use url::{quirks, Host, Url};

pub(super) const OPS: &[Op] = &[
    Op { binding: "url", name: "parse", func: parse },
    Op { binding: "url", name: "canParse", func: can_parse },
    Op { binding: "url", name: "update", func: update },
    Op { binding: "url", name: "domainToASCII", func: domain_to_ascii },
    Op { binding: "url", name: "domainToUnicode", func: domain_to_unicode },
    Op { binding: "url", name: "toASCII", func: to_ascii },
];

/// The component names, in the order `parse` and `update` return them; `update` takes
/// one of them as its setter name.
const COMPONENTS: [&str; 11] = [
    "href", "origin", "protocol", "username", "password", "host", "hostname", "port", "pathname",
    "search", "hash",
];

/// Parses `input` against the optional `base` string (both already USV strings).
fn parse_with_base(ctx: &mut dyn OpCtx) -> Result<Option<Url>, ThrowError> {
    let input: String = ctx.arg(0, "input")?;
    if ctx.arg_is_nullish(1) {
        return Ok(Url::parse(&input).ok());
    }
    let base: String = ctx.arg(1, "base")?;
    Ok(Url::parse(&base).ok().and_then(|base| base.join(&input).ok()))
}

/// Every component of `url`, in [`COMPONENTS`] order.
fn components(url: &Url) -> HostValue {
    HostValue::Array(vec![
        quirks::href(url).into(),
        quirks::origin(url).into(),
        quirks::protocol(url).into(),
        quirks::username(url).into(),
        quirks::password(url).into(),
        quirks::host(url).into(),
        quirks::hostname(url).into(),
        quirks::port(url).into(),
        quirks::pathname(url).into(),
        quirks::search(url).into(),
        quirks::hash(url).into(),
    ])
}

/// `parse(input, base?)` → the components array, or undefined when either fails to parse.
fn parse(ctx: &mut dyn OpCtx) -> OpResult {
    Ok(parse_with_base(ctx)?.map(|url| components(&url)).unwrap_or(HostValue::Undefined))
}

/// `canParse(input, base?)` → whether `parse` would succeed.
fn can_parse(ctx: &mut dyn OpCtx) -> OpResult {
    Ok(parse_with_base(ctx)?.is_some().into())
}

/// `update(href, component, value)` → the components after running that setter, or
/// undefined when the setter rejects the value (the URL then stays as it was; only the
/// `href` setter turns that into an exception, in JS).
fn update(ctx: &mut dyn OpCtx) -> OpResult {
    let href: String = ctx.arg(0, "href")?;
    let component: String = ctx.arg(1, "component")?;
    let value: String = ctx.arg(2, "value")?;
    let Ok(mut url) = Url::parse(&href) else {
        return Ok(HostValue::Undefined);
    };
    let accepted = match component.as_str() {
        "href" => quirks::set_href(&mut url, &value).is_ok(),
        "protocol" => quirks::set_protocol(&mut url, &value).is_ok(),
        "username" => quirks::set_username(&mut url, &value).is_ok(),
        "password" => quirks::set_password(&mut url, &value).is_ok(),
        "host" => quirks::set_host(&mut url, &value).is_ok(),
        "hostname" => quirks::set_hostname(&mut url, &value).is_ok(),
        "port" => quirks::set_port(&mut url, &value).is_ok(),
        "pathname" => {
            quirks::set_pathname(&mut url, &value);
            true
        }
        "search" => {
            quirks::set_search(&mut url, &value);
            true
        }
        "hash" => {
            quirks::set_hash(&mut url, &value);
            true
        }
        _ => {
            return Err(ThrowError::type_error(
                "ERR_INVALID_ARG_VALUE",
                format!(
                    "The argument 'component' must be one of {}. Received '{component}'",
                    COMPONENTS.join(", ")
                ),
            ))
        }
    };
    Ok(if accepted { components(&url) } else { HostValue::Undefined })
}

/// `domainToASCII(domain)` → the serialised host, or '' when it is not a valid host.
fn domain_to_ascii(ctx: &mut dyn OpCtx) -> OpResult {
    let domain: String = ctx.arg(0, "domain")?;
    Ok(Host::parse(&domain).map(|host| host.to_string()).unwrap_or_default().into())
}

/// `domainToUnicode(domain)` → the host with its IDNA labels decoded, or '' when invalid.
fn domain_to_unicode(ctx: &mut dyn OpCtx) -> OpResult {
    let domain: String = ctx.arg(0, "domain")?;
    Ok(match Host::parse(&domain) {
        Ok(Host::Domain(ascii)) => idna::domain_to_unicode(&ascii).0,
        Ok(host) => host.to_string(),
        Err(_) => String::new(),
    }
    .into())
}

/// `toASCII(domain)` → the domain after IDNA's UTS #46 processing (labels punycoded, no
/// host syntax checks: the legacy `url.parse` does its own), or '' when IDNA rejects it.
fn to_ascii(ctx: &mut dyn OpCtx) -> OpResult {
    let domain: String = ctx.arg(0, "domain")?;
    Ok(idna::domain_to_ascii(&domain).unwrap_or_default().into())
}
