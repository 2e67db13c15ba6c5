package org.retailhub.rfid.epc;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/rfid/epc/{hex}}: the EPC a tag holds, in all its forms, for anyone who wants to check a read; an
 * invalid EPC answers 400 with a problem detail naming the input and what is wrong with it.
 */
@RestController
@RequestMapping("/api/rfid/epc")
public class EpcController {

    static final URI INVALID_EPC = URI.create("https://retail-hub.org/problems/invalid-epc");

    @GetMapping("/{hex}")
    EpcView decode(@PathVariable String hex) {
        return EpcView.of(EpcBinaryEncoding.decode(hex));
    }

    @ExceptionHandler(InvalidEpcException.class)
    ProblemDetail invalid(InvalidEpcException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.detail());
        problem.setType(INVALID_EPC);
        problem.setTitle("Invalid EPC");
        problem.setProperty("input", e.input());
        problem.setProperty("reason", e.problem().slug());
        return problem;
    }
}
