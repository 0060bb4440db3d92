package org.yardstick.region;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yardstick.region.internal.Transliteration;
import org.yardstick.shared.CsvReader;
import org.yardstick.shared.LocalizedText;

/**
 * Imports the official statistical division codes of China (国家统计局 统计用区划代码, 2023) — provinces,
 * prefectures and counties — under a country region, so that regions are imported rather than typed.
 */
@Service
public class OfficialDivisions {

    /** The code of the country region everything hangs under. */
    public static final String COUNTRY = "CN";

    private static final String DIR = "regions/nbs-2023/";

    private final Regions regions;

    OfficialDivisions(Regions regions) {
        this.regions = regions;
    }

    /**
     * Adds the country ({@value #COUNTRY}, unless it is there) and every province, prefecture and county of the 2023
     * list. Returns the number of regions added.
     */
    @Transactional
    public int importNbs2023() {
        List<NewRegion> all = new ArrayList<>();
        if (regions.byCodes(List.of(COUNTRY)).isEmpty()) { // an empty start may have it already (InitialRoot, decision 0030)
            all.add(new NewRegion(COUNTRY, null, RegionLevel.COUNTRY, LocalizedText.of("全国", "China"), false));
        }
        read("provinces.csv", List.of("code", "name"), (row, c) -> all.add(new NewRegion(
                row.cell(c.get("code")), COUNTRY, RegionLevel.PROVINCE, names(row.cell(c.get("name"))), true)));
        read("cities.csv", List.of("code", "name", "provincecode"), (row, c) -> all.add(new NewRegion(
                row.cell(c.get("code")), row.cell(c.get("provincecode")), RegionLevel.PREFECTURE,
                names(row.cell(c.get("name"))), true)));
        read("areas.csv", List.of("code", "name", "citycode"), (row, c) -> all.add(new NewRegion(
                row.cell(c.get("code")), row.cell(c.get("citycode")), RegionLevel.COUNTY,
                names(row.cell(c.get("name"))), true)));
        return regions.add(all);
    }

    private static LocalizedText names(String zh) {
        return LocalizedText.of(zh, Transliteration.placeName(zh));
    }

    private interface RowHandler {
        void accept(CsvReader.Row row, Map<String, Integer> columns);
    }

    private static void read(String file, List<String> required, RowHandler handler) {
        String text;
        try (InputStream in = new ClassPathResource(DIR + file).getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DIR + file, e);
        }
        CsvReader.Table csv = CsvReader.table(file, text);
        Map<String, Integer> columns = CsvReader.columns(file, csv.header(), required);
        for (CsvReader.Row row : csv.rows()) {
            handler.accept(row, columns);
        }
    }
}
