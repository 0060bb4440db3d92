package org.yardstick.region;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.yardstick.YardstickTest;

/**
 * The region picker's lines (issue 15 item 6): found by name or code with where each region lies, a
 * region's children when it is expanded, a clear line when nothing matches, and the same search for
 * programs under /api/v1.
 */
@YardstickTest
class RegionPickerTest {

    @Autowired MockMvc mvc;

    @Test
    void typingPartOfANameFindsTheRegionWithWhereItLies() throws Exception {
        mvc.perform(get("/regions/picker").param("q", "天山")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-code=\"650102\""), containsString("role=\"treeitem\""),
                        containsString("乌鲁木齐市"), containsString("新疆维吾尔自治区"))));
        mvc.perform(get("/regions/picker").param("q", "6501").param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-code=\"6501\""), containsString("Urumqi"),
                        containsString("aria-expanded=\"false\""))));
    }

    @Test
    void expandingARegionListsTheRegionsInsideIt() throws Exception {
        mvc.perform(get("/regions/picker").param("parent", "6501")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-code=\"650102\""), containsString("data-code=\"650121\""),
                        not(containsString("data-code=\"6502\"")), not(containsString("ys-rp-where")))));
        // no text yet: the top of the tree and the regions directly under it
        mvc.perform(get("/regions/picker")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("data-code=\"CN\""), containsString("data-code=\"11\""))));
    }

    @Test
    void nothingFoundOrAnUnknownRegionSaysSo() throws Exception {
        mvc.perform(get("/regions/picker").param("q", "不存在的地方")).andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("没有名称或代码含“不存在的地方”的地区"), not(containsString("treeitem")))));
        mvc.perform(get("/regions/picker").param("q", "no-such-place").param("lang", "en"))
                .andExpect(content().string(containsString("No region&#39;s name or code contains &quot;no-such-place&quot;")));
        mvc.perform(get("/regions/picker").param("parent", "NOPE")).andExpect(status().isNotFound());
    }

    @Test
    void programsSearchTheSameWay() throws Exception {
        mvc.perform(get("/api/v1/regions/search").param("q", "天山区")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].code").value("650102"))
                .andExpect(jsonPath("$[0].within[1]").value("乌鲁木齐市"))
                .andExpect(jsonPath("$[0].level").value("county"));
        mvc.perform(get("/api/v1/regions/search")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/regions/search").param("q", " ")).andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
    }
}
