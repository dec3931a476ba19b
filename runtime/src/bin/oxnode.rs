//! `oxnode`: run a Node.js program. `oxnode [options] [script.js | -e CODE | -p EXPR | -]
//! [arguments]`, with Node's flags, Node's errors for bad ones (exit 9), and the script read
//! from stdin when none is given and stdin is not a terminal.

use std::io::{IsTerminal, Read};

use runtime::{Entry, Runtime};

/// Node exits with 9 on an invalid command line.
const EXIT_BAD_OPTION: i32 = 9;

const HELP: &str = "\
Usage: oxnode [options] [ script.js ] [arguments]
       oxnode [options] -e CODE [arguments]
       oxnode [options] -p EXPR [arguments]

Runs a Node.js program.

Options:
  -                  script read from stdin (default if no file name is
                     given and stdin is not a terminal)
  --                 indicate the end of oxnode options
  -e, --eval CODE    evaluate CODE as a script
  -p, --print EXPR   evaluate EXPR and print the result
  -h, --help         print this help and exit
  -v, --version      print the Node.js version oxnode implements and exit
  --no-deprecation   silence deprecation warnings
  --throw-deprecation, --trace-deprecation, --trace-warnings, --no-warnings,
  --trace-uncaught, --pending-deprecation, --experimental-eventsource
                     as in Node
  --expose-gc        expose the global gc() function
  --max-old-space-size=MB, --stack-size=KB and V8's other flags
                     passed to V8, as Node does
  --input-type TYPE  module or commonjs: how -e/-p/stdin code is compiled

Environment variables:
  UV_THREADPOOL_SIZE  size of the blocking thread pool (default 4)
  NODE_DEBUG          ','-separated list of core modules that print debug output
  NO_COLOR            disable colors
";

/// Node's flags that only set `process` properties; the bootstrap reads them from execArgv.
const PROCESS_FLAGS: &[&str] = &[
    "--no-deprecation",
    "--throw-deprecation",
    "--trace-deprecation",
    "--trace-warnings",
    "--no-warnings",
    "--trace-uncaught",
    "--pending-deprecation",
    "--expose-gc",
    "--expose_gc",
    // Node's testing switch: user code may require internal/* modules.
    "--expose-internals",
    "--expose_internals",
    "--experimental-eventsource",
    // The WebSocket global is on by default; the bootstrap leaves it out with the "no" form.
    "--experimental-websocket",
    "--no-experimental-websocket",
    "--abort-on-uncaught-exception",
    // ES module features on by default in Node 25, still accepted as flags.
    "--experimental-require-module",
    "--no-experimental-require-module",
    "--experimental-detect-module",
    // Node's testing switch: dgram queues every send instead of trying it at once.
    "--test-udp-no-try-send",
    "--network-family-autoselection",
    "--no-network-family-autoselection",
    // node:http reads these from execArgv: llhttp's lenient mode by default, and whether the
    // global agents honour HTTP_PROXY/HTTPS_PROXY/NO_PROXY.
    "--insecure-http-parser",
    "--no-insecure-http-parser",
    "--use-env-proxy",
    "--no-use-env-proxy",
    // tls.DEFAULT_MIN_VERSION / DEFAULT_MAX_VERSION, read by node:tls from execArgv.
    "--tls-min-v1.0",
    "--tls-min-v1.1",
    "--tls-min-v1.2",
    "--tls-min-v1.3",
    "--tls-max-v1.2",
    "--tls-max-v1.3",
];

/// The values `--input-type` takes: how `-e`/`-p`/stdin code is compiled (the bootstrap
/// reads the flag from execArgv).
const INPUT_TYPES: &[&str] = &["commonjs", "module"];
const INPUT_TYPE_ERROR: &str = "--input-type must be \"module\",\"commonjs\", \"module-typescript\" or \"commonjs-typescript\"";

/// What the command line asks for.
enum Command {
    Run { entry: Entry, exec_argv: Vec<String>, script_args: Vec<String> },
    Exit(i32),
}

fn bad_option(message: &str) -> Command {
    eprintln!("oxnode: {message}");
    Command::Exit(EXIT_BAD_OPTION)
}

fn parse(args: Vec<String>) -> Command {
    let mut exec_argv = Vec::new();
    let mut engine_options = Vec::new();
    let mut code: Option<(bool, String)> = None;
    let mut iter = args.into_iter().peekable();
    let mut script: Option<String> = None;
    while let Some(arg) = iter.next() {
        match arg.as_str() {
            "--" => {
                script = iter.next();
                break;
            }
            "-" => {
                script = Some("-".into());
                break;
            }
            "-h" | "--help" => {
                print!("{HELP}");
                return Command::Exit(0);
            }
            "-v" | "--version" => {
                println!("v{}", modules::NODE_VERSION);
                return Command::Exit(0);
            }
            "-e" | "--eval" | "-p" | "--print" | "-pe" | "-ep" => {
                let print = arg.contains('p');
                exec_argv.push(arg.clone());
                match iter.next() {
                    Some(c) => {
                        exec_argv.push(c.clone());
                        code = Some((print, c));
                    }
                    None => return bad_option(&format!("{arg} requires an argument")),
                }
                // `node -e CODE -- a b`: the `--` only ends the options.
                if iter.peek().is_some_and(|next| next == "--") {
                    iter.next();
                }
                // After -e/-p everything else belongs to the script.
                break;
            }
            flag if PROCESS_FLAGS.contains(&flag) => exec_argv.push(arg),
            "--input-type" => {
                let Some(value) = iter.next() else {
                    return bad_option("--input-type requires an argument");
                };
                if !INPUT_TYPES.contains(&value.as_str()) {
                    return bad_option(INPUT_TYPE_ERROR);
                }
                exec_argv.push(arg);
                exec_argv.push(value);
            }
            other if other.starts_with("--input-type=") => {
                if !INPUT_TYPES.contains(&&other["--input-type=".len()..]) {
                    return bad_option(INPUT_TYPE_ERROR);
                }
                exec_argv.push(arg);
            }
            other if other.starts_with("--network-family-autoselection-attempt-timeout=") => {
                exec_argv.push(arg);
            }
            "--max-http-header-size" => {
                let Some(value) = iter.next() else {
                    return bad_option("--max-http-header-size requires an argument");
                };
                exec_argv.push(arg);
                exec_argv.push(value);
            }
            other if other.starts_with("--max-http-header-size=") => exec_argv.push(arg),
            other if other.starts_with("--dns-result-order=") => {
                let order = &other["--dns-result-order=".len()..];
                if !["ipv4first", "ipv6first", "verbatim"].contains(&order) {
                    return bad_option(
                        "The argument '--dns-result-order' must be one of: 'verbatim', \
                         'ipv4first', 'ipv6first'",
                    );
                }
                exec_argv.push(arg);
            }
            other if other.starts_with("--eval=") || other.starts_with("--print=") => {
                let (flag, value) = other.split_once('=').unwrap_or((other, ""));
                exec_argv.push(arg.clone());
                code = Some((flag == "--print", value.to_owned()));
                break;
            }
            other if other.starts_with("--") && other.len() > 2 => {
                // Possibly a V8 flag: checked below, once every option is known.
                engine_options.push(arg.clone());
                exec_argv.push(arg);
            }
            other if other.starts_with('-') && other.len() > 1 => {
                return bad_option(&format!("bad option: {other}"));
            }
            _ => {
                script = Some(arg);
                break;
            }
        }
    }
    let rest: Vec<String> = iter.collect();
    if exec_argv.iter().any(|a| a == "--tls-min-v1.3")
        && exec_argv.iter().any(|a| a == "--tls-max-v1.2")
    {
        return bad_option("either --tls-min-v1.3 or --tls-max-v1.2 can be used, not both");
    }
    if let Some(unknown) = runtime::set_engine_flags(&engine_options).first() {
        return bad_option(&format!("bad option: {unknown}"));
    }
    if let Some((print, code)) = code {
        let entry = if print { Entry::Print(code) } else { Entry::Eval(code) };
        return Command::Run { entry, exec_argv, script_args: rest };
    }
    match script {
        Some(path) if path != "-" => {
            let absolute = std::path::absolute(&path)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or(path);
            let mut script_args = vec![absolute.clone()];
            script_args.extend(rest);
            Command::Run { entry: Entry::File(absolute), exec_argv, script_args }
        }
        _ => {
            let stdin = std::io::stdin();
            if script.is_none() && stdin.is_terminal() {
                eprintln!(
                    "oxnode: no script given, and the interactive REPL is not supported yet."
                );
                eprint!("{HELP}");
                return Command::Exit(EXIT_BAD_OPTION);
            }
            let mut code = String::new();
            if let Err(error) = stdin.lock().read_to_string(&mut code) {
                eprintln!("oxnode: cannot read the script from stdin: {error}");
                return Command::Exit(1);
            }
            let mut script_args = Vec::new();
            if script.is_some() {
                script_args.push("-".into());
            }
            script_args.extend(rest);
            Command::Run { entry: Entry::Stdin(code), exec_argv, script_args }
        }
    }
}

/// Writing past the file size limit fails with EFBIG, as in Node (which ignores SIGXFSZ at
/// start-up), instead of the signal's default action killing the process.
fn ignore_file_size_signal() {
    // SAFETY: setting a signal's disposition to SIG_IGN installs no handler code.
    unsafe {
        libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
    }
}

fn main() {
    ignore_file_size_signal();
    let stdio_flags = io::StdioFlags::save();
    let mut args = std::env::args();
    let argv0 = args.next().unwrap_or_else(|| "oxnode".into());
    let (entry, exec_argv, script_args) = match parse(args.collect()) {
        Command::Exit(code) => std::process::exit(code),
        Command::Run { entry, exec_argv, script_args } => (entry, exec_argv, script_args),
    };
    let mut argv = vec![argv0.clone()];
    argv.extend(script_args);
    let runtime = match Runtime::builder().argv(argv).argv0(argv0).exec_argv(exec_argv).build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("oxnode: cannot start: {error}");
            std::process::exit(1);
        }
    };
    let code = runtime.run(entry);
    stdio_flags.restore();
    std::process::exit(code);
}
