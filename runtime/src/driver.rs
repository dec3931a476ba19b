//! [`Driver`]: the loop's phases as calls into the realm's JS hooks, each followed by what
//! Node does when a callback returns (drain nextTicks, then microtasks).

use engine::{EngineError, HostValue, Realm};
use io::{Completion, IoEvent, LoopDriver};
use modules::ops::ExitRequest;

use crate::report_handler_failure;

pub(crate) struct Driver<'r> {
    realm: &'r mut dyn Realm,
    exit_code: Option<i32>,
}

impl<'r> Driver<'r> {
    pub(crate) fn new(realm: &'r mut dyn Realm) -> Self {
        Driver { realm, exit_code: None }
    }

    /// The code to exit with after a call returned `false`.
    pub(crate) fn exit_code(&mut self) -> i32 {
        self.exit_code.unwrap_or(1)
    }

    fn settle(&mut self, result: Result<HostValue, EngineError>) -> bool {
        match result {
            Ok(_) => true,
            Err(EngineError::Terminated) => {
                self.exit_code = Some(self.realm.state().get::<ExitRequest>().map_or(1, |r| r.0));
                false
            }
            Err(EngineError::Uncaught(text)) => {
                self.exit_code = Some(report_handler_failure(&text));
                false
            }
        }
    }

    /// Calls hook `name` without the tick drain (the hook drains itself).
    pub(crate) fn call_plain(&mut self, name: &str, args: Vec<HostValue>) -> bool {
        let result = self.realm.call_hook(name, args);
        self.settle(result)
    }

    /// Calls hook `name`, then drains nextTicks and microtasks.
    pub(crate) fn call(&mut self, name: &str, args: Vec<HostValue>) -> bool {
        if !self.call_plain(name, args) {
            return false;
        }
        let result = self.realm.call_hook("tickCallback", Vec::new());
        self.settle(result)
    }
}

impl LoopDriver for Driver<'_> {
    fn timers(&mut self, now: f64) -> bool {
        // `processTimers` returns true when it ran to the end. Anything else means a timer
        // (or a tick between timers) threw and 'uncaughtException' handled it: as Node's
        // RunTimers does, call it again so the timers still due run before the tick queue.
        loop {
            match self.realm.call_hook("processTimers", vec![now.into()]) {
                Ok(HostValue::Bool(true)) => break,
                Ok(_) => continue,
                failed => return self.settle(failed),
            }
        }
        let result = self.realm.call_hook("tickCallback", Vec::new());
        self.settle(result)
    }

    fn completion(&mut self, completion: Completion) -> bool {
        match modules::ops::async_op::completion_args(completion.id, completion.result) {
            Some(args) => self.call("completion", args),
            // Not an op's job: nothing in JS waits for it.
            None => true,
        }
    }

    fn io_events(&mut self, events: Vec<IoEvent>) -> bool {
        // One call for the whole batch; JS drains ticks and microtasks after each event, as
        // Node does after each callback. When a callback threw and 'uncaughtException' took
        // it, `ioEvents` returns false and is called again to go on after that event.
        if !self.realm.has_hook("ioEvents") {
            return true;
        }
        let mut args = vec![modules::ops::handle_wrap::io_event_batch(events)];
        loop {
            match self.realm.call_hook("ioEvents", std::mem::take(&mut args)) {
                Ok(HostValue::Bool(true)) => return true,
                Ok(_) => continue,
                failed => return self.settle(failed),
            }
        }
    }

    fn check(&mut self) -> bool {
        self.call("processImmediate", Vec::new())
    }

    fn signal(&mut self, signo: i32) -> bool {
        self.call("signal", vec![signo.into()])
    }
}
