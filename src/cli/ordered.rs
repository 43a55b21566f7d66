//! An order-keeping parallel pipeline: items are worked on by the workers of the rayon pool and their results
//! handed to one sink in input order, with no barrier between groups of items and a bound on the results held.
//!
//! Batches (`par_iter` over a group, then write the group) made each worker wait at the end of every batch for
//! the slowest file of the batch; here a worker that finishes takes the next item at once. A result waits in
//! a reorder buffer until those before it are written. The calling thread takes the items from their
//! iterator (a file list, or lines read from stdin), one task each, and stops taking while `window` items
//! are in hand or waiting, or while the items in hand cost more than a budget (the bytes of stdin lines
//! held): it waits, not a worker, so that a worker busy with a large file's pieces may take up any task
//! without waiting on one beneath it. An item is only taken from the iterator once there is room for it.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};

/// Runs `work(item)` for every `(item, cost)` of `items` on the current rayon pool and gives the results to
/// `sink` in the items' order, one at a time. At most `window` items are in hand or wait to be written, and
/// no new item is taken while those cost `budget` or more (one item always may be). Stops taking items
/// after `sink` fails, and returns its first error. The calling thread only hands out the items; with a pool
/// of one worker, all the work and the writing are done on that one, in order.
pub fn run_ordered<I, T, E, W, S>(
    items: impl Iterator<Item = (I, usize)>,
    window: usize,
    budget: usize,
    work: W,
    sink: S,
) -> Result<(), E>
where
    I: Send,
    T: Send,
    E: Send,
    W: Fn(I) -> T + Sync,
    S: FnMut(T) -> Result<(), E> + Send,
{
    let window = window.max(1);
    // The index of the next result to write; the calling thread waits on `room` for it to move.
    let written = AtomicUsize::new(0);
    // The cost of the items handed out and not yet written.
    let held = AtomicUsize::new(0);
    let room = (Mutex::new(()), Condvar::new());
    let stop = AtomicBool::new(false);
    let done: Mutex<BTreeMap<usize, (T, usize)>> = Mutex::new(BTreeMap::new());
    let writer = Mutex::new(Writer { sink, next: 0, error: None });

    // Writes what is ready, if no other worker is writing. A result put in while another worker held the
    // writer is found by that worker's check after it lets go.
    let flush = || {
        loop {
            {
                let Ok(mut w) = writer.try_lock() else { return };
                loop {
                    let ready: Vec<(T, usize)> = {
                        let mut d = done.lock().expect("reorder buffer");
                        let mut v = Vec::new();
                        while let Some(t) = d.remove(&(w.next + v.len())) {
                            v.push(t);
                        }
                        v
                    };
                    if ready.is_empty() {
                        break;
                    }
                    for (t, cost) in ready {
                        if w.error.is_none()
                            && let Err(e) = (w.sink)(t)
                        {
                            w.error = Some(e);
                            stop.store(true, Ordering::Release);
                        }
                        w.next += 1;
                        held.fetch_sub(cost, Ordering::AcqRel);
                    }
                    written.store(w.next, Ordering::Release);
                    drop(room.0.lock().expect("room"));
                    room.1.notify_all();
                }
            }
            let next = written.load(Ordering::Acquire);
            if !done.lock().expect("reorder buffer").contains_key(&next) {
                return;
            }
        }
    };

    let mut items = items;
    rayon::in_place_scope_fifo(|s| {
        for i in 0.. {
            let full = || {
                let w = written.load(Ordering::Acquire);
                (i >= w + window || (i > w && held.load(Ordering::Acquire) >= budget)) && !stop.load(Ordering::Acquire)
            };
            if rayon::current_thread_index().is_some() {
                // Called on a worker of the pool: waiting would idle it (and with one worker, stop everything),
                // so it works on the tasks handed out meanwhile; it holds none of its own, so none waits on it.
                while full() {
                    if !matches!(rayon::yield_now(), Some(rayon::Yield::Executed)) {
                        flush();
                        std::thread::yield_now();
                    }
                }
            } else {
                let mut g = room.0.lock().expect("room");
                while full() {
                    g = room.1.wait(g).expect("room");
                }
            }
            if stop.load(Ordering::Acquire) {
                break;
            }
            let Some((item, cost)) = items.next() else { break };
            held.fetch_add(cost, Ordering::AcqRel);
            let (work, done, flush) = (&work, &done, &flush);
            s.spawn_fifo(move |_| {
                let t = work(item);
                done.lock().expect("reorder buffer").insert(i, (t, cost));
                flush();
            });
        }
    });
    flush();
    let w = writer.into_inner().expect("writer");
    match w.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

struct Writer<S, E> {
    sink: S,
    next: usize,
    error: Option<E>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pool(threads: usize) -> rayon::ThreadPool {
        rayon::ThreadPoolBuilder::new().num_threads(threads).build().expect("pool")
    }

    #[test]
    fn results_come_in_input_order_whatever_the_threads() {
        for threads in [1, 2, 4] {
            let mut got = Vec::new();
            pool(threads)
                .install(|| {
                    run_ordered(
                        (0..500).map(|i| (i, 0)),
                        8,
                        usize::MAX,
                        |i: usize| {
                            // Uneven work, so that later items often finish first.
                            let spin = (i * 7919) % 13 * 1000;
                            (0..spin).fold(i, |a, b| a ^ b) ^ (0..spin).fold(0, |a, b| a ^ b)
                        },
                        |x| -> Result<(), ()> {
                            got.push(x);
                            Ok(())
                        },
                    )
                })
                .expect("no error");
            assert_eq!(got, (0..500).collect::<Vec<_>>(), "{threads} threads");
        }
    }

    #[test]
    fn no_more_than_the_window_waits_to_be_written() {
        let waiting = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let mut seen = 0;
        pool(4)
            .install(|| {
                run_ordered(
                    (0..300).map(|i| (i, 0)),
                    5,
                    usize::MAX,
                    |i: usize| {
                        // Item 0 is slow: the others must not run far ahead of it.
                        if i == 0 {
                            std::thread::sleep(std::time::Duration::from_millis(50));
                        }
                        let w = waiting.fetch_add(1, Ordering::SeqCst) + 1;
                        most.fetch_max(w, Ordering::SeqCst);
                        i
                    },
                    |_| -> Result<(), ()> {
                        waiting.fetch_sub(1, Ordering::SeqCst);
                        seen += 1;
                        Ok(())
                    },
                )
            })
            .expect("no error");
        assert_eq!(seen, 300);
        assert!(most.load(Ordering::SeqCst) <= 5, "{} results waited at once", most.load(Ordering::SeqCst));
    }

    #[test]
    fn from_outside_the_pool_too() {
        let mut got = Vec::new();
        let handed = std::thread::spawn(move || {
            run_ordered(
                (0..200).map(|i| (i, 0)),
                3,
                usize::MAX,
                |i: usize| i * 2,
                |x| -> Result<(), ()> {
                    got.push(x);
                    Ok(())
                },
            )
            .expect("no error");
            got
        });
        assert_eq!(handed.join().expect("thread"), (0..200).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn the_first_error_of_the_sink_stops_the_run() {
        let started = AtomicUsize::new(0);
        let r = pool(2).install(|| {
            run_ordered(
                (0..10_000).map(|i| (i, 0)),
                4,
                usize::MAX,
                |i: usize| {
                    started.fetch_add(1, Ordering::SeqCst);
                    i
                },
                |i| if i == 3 { Err(format!("failed at {i}")) } else { Ok(()) },
            )
        });
        assert_eq!(r, Err("failed at 3".to_string()));
        assert!(
            started.load(Ordering::SeqCst) < 100,
            "{} items started after the error",
            started.load(Ordering::SeqCst)
        );
    }

    #[test]
    fn no_item_is_taken_while_the_held_ones_cost_the_budget() {
        let taken = AtomicUsize::new(0);
        let most = AtomicUsize::new(0);
        let written = AtomicUsize::new(0);
        // Items cost 10 each, the budget is 30: at most 3 are taken and not yet written.
        let items = (0..200).map(|i| {
            let t = taken.fetch_add(1, Ordering::SeqCst) + 1;
            most.fetch_max(t - written.load(Ordering::SeqCst), Ordering::SeqCst);
            (i, 10)
        });
        pool(2)
            .install(|| {
                run_ordered(
                    items,
                    100,
                    30,
                    |i: usize| i,
                    |_| -> Result<(), ()> {
                        written.fetch_add(1, Ordering::SeqCst);
                        Ok(())
                    },
                )
            })
            .expect("no error");
        assert_eq!(written.load(Ordering::SeqCst), 200);
        assert!(most.load(Ordering::SeqCst) <= 4, "{} items held at once", most.load(Ordering::SeqCst));
    }
}
