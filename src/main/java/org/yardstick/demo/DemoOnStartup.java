package org.yardstick.demo;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Loads the demo into an empty database when the application starts — before the web server
 * accepts a request: a lifecycle of an earlier phase than the web server's start, not a runner
 * (runners run after the server listens, when the first visitor at the printed address would find
 * no plans while health said UP). Ready means ready.
 */
@Component
class DemoOnStartup implements SmartLifecycle {

    /** Just before the web server starts listening. */
    static final int PHASE = WebServerApplicationContext.START_STOP_LIFECYCLE_PHASE - 1;

    private final DemoData demo;
    private volatile boolean running;

    DemoOnStartup(DemoData demo) {
        this.demo = demo;
    }

    @Override
    public void start() {
        demo.loadIfEmpty();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
