use std::process::ExitCode;

fn main() -> ExitCode {
    tipx::run(std::env::args_os())
}
