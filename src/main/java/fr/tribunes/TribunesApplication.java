package fr.tribunes;

import fr.tribunes.exchange.ExchangeCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TribunesApplication {

    /** Serves the site, or runs {@code import} / {@code export} without the web server and exits. */
    public static void main(String[] args) {
        if (ExchangeCommand.isCommand(args)) {
            System.exit(ExchangeCommand.run(TribunesApplication.class, args));
        }
        SpringApplication.run(TribunesApplication.class, args);
    }
}
