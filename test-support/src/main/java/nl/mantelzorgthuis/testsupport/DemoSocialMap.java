package nl.mantelzorgthuis.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fictional but realistic social map for the municipalities of the seed practices: per
 * municipality a support point, respite care in its three forms, peer groups, a course, practical
 * help, the Wmo desk and the caregiver appreciation. Every entry is marked {@code demo} and says so in
 * its description. The same generator, with a count, makes the 100,000 services of the benchmark.
 */
public final class DemoSocialMap {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The seed practices' municipalities: CBS code, name, and the centre of its main town. */
    public record Municipality(String code, String name, String province, double latitude, double longitude) {
    }

    /** The municipalities the demo social map covers (what the local platform's demo gazetteer knows). */
    public static List<Municipality> municipalities() {
        return MUNICIPALITIES;
    }

    static final List<Municipality> MUNICIPALITIES = List.of(
            new Municipality("GM0171", "Noordoostpolder", "Flevoland", 52.7110, 5.7480),
            new Municipality("GM0193", "Zwolle", "Overijssel", 52.5168, 6.0830),
            new Municipality("GM0228", "Ede", "Gelderland", 52.0402, 5.6649),
            new Municipality("GM0230", "Elburg", "Gelderland", 52.4470, 5.8340),
            new Municipality("GM0233", "Ermelo", "Gelderland", 52.2990, 5.6210),
            new Municipality("GM0243", "Harderwijk", "Gelderland", 52.3420, 5.6200),
            new Municipality("GM0269", "Oldebroek", "Gelderland", 52.4450, 5.9010),
            new Municipality("GM0273", "Putten", "Gelderland", 52.2590, 5.6070),
            new Municipality("GM0302", "Nunspeet", "Gelderland", 52.3760, 5.7860),
            new Municipality("GM0327", "Leusden", "Utrecht", 52.1320, 5.4290),
            new Municipality("GM0339", "Renswoude", "Utrecht", 52.0740, 5.5400),
            new Municipality("GM0344", "Utrecht", "Utrecht", 52.0907, 5.1214),
            new Municipality("GM0546", "Leiden", "Zuid-Holland", 52.1601, 4.4970),
            new Municipality("GM0637", "Zoetermeer", "Zuid-Holland", 52.0570, 4.4931),
            new Municipality("GM0748", "Bergen op Zoom", "Noord-Brabant", 51.4950, 4.2910),
            new Municipality("GM0796", "'s-Hertogenbosch", "Noord-Brabant", 51.6978, 5.3037),
            new Municipality("GM0851", "Steenbergen", "Noord-Brabant", 51.5840, 4.3190),
            new Municipality("GM0873", "Woensdrecht", "Noord-Brabant", 51.4240, 4.3260),
            new Municipality("GM0971", "Stein", "Limburg", 50.9690, 5.7660),
            new Municipality("GM1507", "Horst aan de Maas", "Limburg", 51.4540, 6.0510),
            new Municipality("GM1641", "Maasgouw", "Limburg", 51.1500, 5.8950),
            new Municipality("GM1982", "Land van Cuijk", "Noord-Brabant", 51.7290, 5.8790));

    private record Template(String organisation, String name, String description, String terms, String cost, String funding,
            String languages, Integer minimumAge, String schedule) {
    }

    private static final List<Template> TEMPLATES = List.of(
            new Template("Welzijn %s", "Mantelzorgsteunpunt %s", "Informatie, advies en een luisterend oor voor mantelzorgers; "
                    + "de mantelzorgconsulent denkt mee over respijtzorg en regelingen.", "mantelzorgsteunpunt,informatie-advies",
                    "FREE", "FREE", "nl", null, "MONDAY-FRIDAY 09:00-17:00"),
            new Template("Zorggroep %s", "Logeerhuis %s", "Logeeropvang: uw naaste logeert een weekend of een week in ons "
                    + "logeerhuis, zodat u even op adem kunt komen.", "respijtzorg,respijtzorg-logeeropvang", "PAID", "WMO,WLZ", "nl",
                    18, "FRIDAY 17:00-22:00"),
            new Template("Zorggroep %s", "Dagbesteding De Ontmoeting %s", "Dagbesteding voor mensen met dementie, met vervoer; "
                    + "de mantelzorger heeft zo vaste vrije dagen.", "respijtzorg,respijtzorg-dagbesteding", "PAID", "WMO", "nl", null,
                    "MONDAY-FRIDAY 09:30-16:00"),
            new Template("Humanitas %s", "Vrijwillige respijtzorg aan huis %s", "Een vaste vrijwilliger neemt een dagdeel per week "
                    + "de zorg thuis over.", "respijtzorg,respijtzorg-aan-huis", "FREE", "FREE", "nl", null, "MONDAY-SATURDAY 09:00-21:00"),
            new Template("Alzheimer Nederland afdeling %s", "Alzheimer Café %s", "Maandelijkse bijeenkomst voor mensen met dementie, "
                    + "hun mantelzorgers en belangstellenden: uitleg, gesprek en contact met lotgenoten.", "lotgenotencontact,informatie-advies",
                    "FREE", "FREE", "nl", null, "WEDNESDAY 19:00-21:30"),
            new Template("Welzijn %s", "Gespreksgroep mantelzorgers %s", "Lotgenotencontact in een kleine groep onder begeleiding "
                    + "van een mantelzorgconsulent.", "lotgenotencontact,emotionele-steun", "FREE", "FREE", "nl,tr", null,
                    "TUESDAY 10:00-12:00"),
            new Template("Welzijn %s", "Cursus Omgaan met dementie %s", "Zes avonden over het ziekteverloop, communicatie en "
                    + "grenzen stellen als mantelzorger.", "cursus-training", "PAID", "SUPPLEMENTARY_INSURANCE", "nl", null,
                    "THURSDAY 19:30-21:30"),
            new Template("Vrijwilligerscentrale %s", "Klussen- en boodschappendienst %s", "Vrijwilligers helpen met boodschappen, "
                    + "kleine klussen en vervoer naar het ziekenhuis.", "praktische-hulp", "PAID", "", "nl,en", null,
                    "MONDAY-FRIDAY 09:00-12:00"),
            new Template("Gemeente %s", "Wmo-loket %s", "Aanvragen van ondersteuning uit de Wmo, waaronder respijtzorg en "
                    + "dagbesteding; ook voor een keukentafelgesprek.", "informatie-advies", "FREE", "WMO", "nl", null,
                    "MONDAY-FRIDAY 08:30-12:30"),
            new Template("Gemeente %s", "Mantelzorgwaardering %s", "Jaarlijkse waardering voor mantelzorgers die in de gemeente wonen "
                    + "of voor iemand in de gemeente zorgen.", "mantelzorgwaardering", "FREE", "FREE", "nl", null, ""),
            new Template("Thuiszorg %s", "Respijtzorg thuis door de wijkverpleging %s", "Tijdelijke overname van verzorging thuis "
                    + "door de thuiszorg, vergoed uit de zorgverzekering.", "respijtzorg,respijtzorg-aan-huis", "PAID", "ZVW", "nl",
                    null, "MONDAY-SUNDAY 07:00-23:00"),
            new Template("Mantelzorg online", "Online lotgenotengroep voor mantelzorgers (%s)", "Wekelijkse videobijeenkomst met "
                    + "andere mantelzorgers uit de regio.", "lotgenotencontact,emotionele-steun", "FREE", "FREE", "nl,en,ar", null,
                    "MONDAY 20:00-21:00"));

    private DemoSocialMap() {
    }

    /** The town centres (latitude, longitude) of the municipalities, for searches near them. */
    public static List<double[]> centres() {
        return MUNICIPALITIES.stream().map(m -> new double[] {m.latitude(), m.longitude()}).toList();
    }

    /** The demo map: every template in every municipality. */
    public static List<ObjectNode> demo() {
        List<ObjectNode> entries = new ArrayList<>();
        Random random = new Random(2022);
        for (Municipality municipality : MUNICIPALITIES) {
            for (Template template : TEMPLATES) {
                entries.add(entry(template, municipality, random, null));
            }
        }
        return entries;
    }

    /** {@code count} generated entries for benchmarks, spread over the municipalities and the country. */
    public static List<ObjectNode> generated(int count, long seed) {
        List<ObjectNode> entries = new ArrayList<>(count);
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            Municipality municipality = MUNICIPALITIES.get(i % MUNICIPALITIES.size());
            entries.add(entry(TEMPLATES.get(random.nextInt(TEMPLATES.size())), municipality, random, "bench-" + i));
        }
        return entries;
    }

    private static ObjectNode entry(Template t, Municipality m, Random random, String externalId) {
        ObjectNode e = JSON.createObjectNode();
        e.put("organization", t.organisation().formatted(m.name()));
        if (externalId != null) {
            e.put("externalId", externalId);
        }
        e.put("name", t.name().formatted(m.name()));
        e.put("description", t.description() + " (Demogegevens: een fictieve vermelding.)");
        e.put("demo", true);
        var terms = e.putArray("taxonomyTerms");
        for (String term : t.terms().split(",")) {
            terms.add(term);
        }
        e.put("cost", t.cost());
        var funding = e.putArray("fundingRoutes");
        for (String route : t.funding().split(",")) {
            if (!route.isBlank()) {
                funding.add(route);
            }
        }
        var languages = e.putArray("languages");
        for (String language : t.languages().split(",")) {
            languages.add(language);
        }
        if (t.minimumAge() != null) {
            e.put("minimumAge", t.minimumAge());
        }
        e.putArray("serviceAreas").add(m.code());
        var location = e.putArray("locations").addObject();
        location.put("name", t.name().formatted(m.name()));
        location.put("city", m.name());
        location.put("municipality", m.code());
        location.put("province", m.province());
        // Within a few kilometres of the town centre.
        location.put("latitude", Math.round((m.latitude() + (random.nextDouble() - 0.5) * 0.06) * 1e5) / 1e5);
        location.put("longitude", Math.round((m.longitude() + (random.nextDouble() - 0.5) * 0.09) * 1e5) / 1e5);
        var schedules = e.putArray("schedules");
        if (!t.schedule().isBlank()) {
            String[] parts = t.schedule().split(" ");
            String[] days = parts[0].split("-");
            String[] hours = parts[1].split("-");
            java.time.DayOfWeek from = java.time.DayOfWeek.valueOf(days[0]);
            java.time.DayOfWeek to = java.time.DayOfWeek.valueOf(days.length > 1 ? days[1] : days[0]);
            for (int d = from.getValue(); d <= to.getValue(); d++) {
                schedules.addObject().put("day", java.time.DayOfWeek.of(d).name()).put("opensAt", hours[0]).put("closesAt", hours[1]);
            }
        }
        return e;
    }
}
