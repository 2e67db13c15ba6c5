package org.retailhub.rfid.epc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class EpcControllerTest {

    private final MockMvc http = MockMvcBuilders.standaloneSetup(new EpcController()).build();

    @Test
    void aTagsHexAnswersEveryFormOfItsEpc() throws Exception {
        http.perform(get("/api/rfid/epc/3074257bf7194e4000001a85"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.hex").value("3074257BF7194E4000001A85"))
                .andExpect(jsonPath("$.scheme").value("sgtin"))
                .andExpect(jsonPath("$.encoding").value("sgtin-96"))
                .andExpect(jsonPath("$.bits").value(96))
                .andExpect(jsonPath("$.filter").value(3))
                .andExpect(jsonPath("$.filterMeaning").value("Reserved"))
                .andExpect(jsonPath("$.pureIdentityUri").value("urn:epc:id:sgtin:0614141.812345.6789"))
                .andExpect(jsonPath("$.tagUri").value("urn:epc:tag:sgtin-96:3.0614141.812345.6789"))
                .andExpect(jsonPath("$.digitalLinkUri").value("https://id.gs1.org/01/80614141123458/21/6789"))
                .andExpect(jsonPath("$.elementString").value("(01)80614141123458(21)6789"))
                .andExpect(jsonPath("$.companyPrefix").value("0614141"))
                .andExpect(jsonPath("$.gtin").value("80614141123458"))
                .andExpect(jsonPath("$.itemReference").value("812345"))
                .andExpect(jsonPath("$.serial").value("6789"))
                .andExpect(jsonPath("$.sscc").doesNotExist())
                .andExpect(jsonPath("$.giai").doesNotExist());
    }

    @Test
    void eachSchemeShowsItsOwnFields() throws Exception {
        http.perform(get("/api/rfid/epc/311BA1B300CE0A6A83000000"))
                .andExpect(jsonPath("$.sscc").value("095201234567891235"))
                .andExpect(jsonPath("$.serialReference").value("03456789123"))
                .andExpect(jsonPath("$.filterMeaning").value("All Others"))
                .andExpect(jsonPath("$.gtin").doesNotExist())
                .andExpect(jsonPath("$.serial").doesNotExist());
        http.perform(get("/api/rfid/epc/3976451FD46072CD9615F8800000000000000000000000000000"))
                .andExpect(jsonPath("$.gln").value("9521141123454"))
                .andExpect(jsonPath("$.locationReference").value("12345"))
                .andExpect(jsonPath("$.extension").value("32a/b"))
                .andExpect(jsonPath("$.digitalLinkUri").value("https://id.gs1.org/414/9521141123454/254/32a%2Fb"));
        http.perform(get("/api/rfid/epc/3776451FD40C0E59B2C2BF1000000000000000000000"))
                .andExpect(jsonPath("$.grai").value("0952114112345432a/b"))
                .andExpect(jsonPath("$.assetType").value("12345"))
                .andExpect(jsonPath("$.serial").value("32a/b"));
        http.perform(get("/api/rfid/epc/3476451FD40000000000162E"))
                .andExpect(jsonPath("$.giai").value("95211415678"))
                .andExpect(jsonPath("$.individualAssetReference").value("5678"));
    }

    @Test
    void anInvalidEpcIsAProblemNamingTheInputAndWhatIsWrong() throws Exception {
        http.perform(get("/api/rfid/epc/307C257BF7194E4000001A85"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://retail-hub.org/problems/invalid-epc"))
                .andExpect(jsonPath("$.title").value("Invalid EPC"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.reason").value("bad-partition"))
                .andExpect(jsonPath("$.input").value("307C257BF7194E4000001A85"))
                .andExpect(jsonPath("$.detail").value(containsString("partition 7 is not in the SGTIN partition table")));
        http.perform(get("/api/rfid/epc/urn:epc:id:sgtin:0614141.812345.6789"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.reason").value("not-hex"));
    }
}
