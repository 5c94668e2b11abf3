package nl.mantelzorgthuis.bench.floor;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Spring Cloud Gateway with one route and nothing else: the floor the platform's gateway builds on. */
@SpringBootApplication
public class GatewayFloorApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayFloorApplication.class, args);
    }
}
