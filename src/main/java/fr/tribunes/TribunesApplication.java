package fr.tribunes;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TribunesApplication {

    public static void main(String[] args) {
        SpringApplication.run(TribunesApplication.class, args);
    }
}
