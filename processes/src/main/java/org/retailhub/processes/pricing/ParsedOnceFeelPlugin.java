package org.retailhub.processes.pricing;

import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Gives the process engine's DMN engine the {@link ParsedOnceFeelEngine}; everything else stays Camunda's default. */
@Component
public class ParsedOnceFeelPlugin extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl engine) {
        DefaultDmnEngineConfiguration dmn = engine.getDmnEngineConfiguration() != null ? engine.getDmnEngineConfiguration()
                : (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
        dmn.setFeelEngineFactory(() -> new ParsedOnceFeelEngine(engine.getDmnFeelCustomFunctionProviders()));
        engine.setDmnEngineConfiguration(dmn);
    }
}
