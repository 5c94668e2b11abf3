package nl.mantelzorgthuis.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class GatewayApplication {

    /** Reactor Netty's own setting for its event loops (incoming and outgoing connections share them). */
    static final String IO_WORKER_COUNT = "reactor.netty.ioWorkerCount";

    public static void main(String[] args) {
        eventLoopsPerCore();
        SpringApplication.run(GatewayApplication.class, args);
    }

    /**
     * One event loop per core the JVM may use, unless set (e.g. {@code -Dreactor.netty.ioWorkerCount=8}).
     * Reactor Netty's default is at least four: on two cores, shared with the services, the extra
     * loops cost about a fifth more CPU per call (bench/gateway-ab.sh, docs/benchmarks.md).
     */
    static void eventLoopsPerCore() {
        if (System.getProperty(IO_WORKER_COUNT) == null) {
            System.setProperty(IO_WORKER_COUNT, Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
    }
}
