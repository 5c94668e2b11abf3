package nl.mantelzorgthuis.bench.floormvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Spring Cloud Gateway Server MVC with one route and nothing else: the servlet stack's floor. */
@SpringBootApplication
public class GatewayFloorMvcApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayFloorMvcApplication.class, args);
    }
}
