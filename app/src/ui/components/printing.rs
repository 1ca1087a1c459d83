//! Whether the page is being printed: the timeline's rows away from the screen and the long
//! tables' other pages are left out of the page on screen (issue 17), but go on paper.

use leptos::prelude::*;

/// True between the browser's `beforeprint` and `afterprint` (never on the server).
pub fn printing() -> ReadSignal<bool> {
    let (printing, set_printing) = signal(false);
    #[cfg(feature = "hydrate")]
    {
        use leptos::ev::Custom;
        let listeners = [
            window_event_listener(Custom::<web_sys::Event>::new("beforeprint"), move |_| set_printing.set(true)),
            window_event_listener(Custom::<web_sys::Event>::new("afterprint"), move |_| set_printing.set(false)),
        ];
        on_cleanup(move || listeners.into_iter().for_each(|listener| listener.remove()));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = set_printing;
    printing
}
