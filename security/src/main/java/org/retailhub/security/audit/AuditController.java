package org.retailhub.security.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.retailhub.domain.audit.AuditEntry;
import org.retailhub.domain.audit.AuditTrail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/audit}: the audit trail, newest first, for admins (see EndpointRules). */
@RestController
public class AuditController {

    private static final String NAME = "[A-Za-z0-9._@:-]{1,128}";

    private final AuditTrail trail;

    public AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/audit")
    public List<AuditEntry> newest(@RequestParam(required = false) @Pattern(regexp = NAME) String actor,
                                   @RequestParam(required = false) @Pattern(regexp = NAME) String action,
                                   @RequestParam(required = false) Instant since,
                                   @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return trail.newest(actor, action, since, limit);
    }
}
