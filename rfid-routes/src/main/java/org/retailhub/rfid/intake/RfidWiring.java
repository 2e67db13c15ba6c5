package org.retailhub.rfid.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.retailhub.rfid.epcis.EpcisEvents;
import org.retailhub.rfid.epcis.EpcisSchema;
import org.retailhub.rfid.layout.StoreLayout;
import org.retailhub.rfid.layout.StoreLayoutProperties;
import org.retailhub.rfid.reads.ReaderMessages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain-Java parts of RFID as beans: the store layout from its settings, the reader formats, EPCIS events and schema. */
@Configuration(proxyBeanMethods = false)
public class RfidWiring {

    @Bean
    StoreLayout storeLayout(StoreLayoutProperties properties) {
        return properties.layout();
    }

    @Bean
    ReaderMessages readerMessages(ObjectMapper json, StoreLayout layout) {
        return new ReaderMessages(json, layout);
    }

    @Bean
    EpcisEvents epcisEvents(ObjectMapper json, StoreLayout layout) {
        return new EpcisEvents(json, layout);
    }

    @Bean
    EpcisSchema epcisSchema() {
        return new EpcisSchema();
    }
}
