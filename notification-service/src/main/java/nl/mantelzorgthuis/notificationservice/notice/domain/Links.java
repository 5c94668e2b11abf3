package nl.mantelzorgthuis.notificationservice.notice.domain;


/** Where a person reads the item a change is about, through the gateway. */
public final class Links {

    private Links() {
    }

    public static String of(String platformUrl, Change change) {
        String api = platformUrl + "/api/v1/";
        return switch (change.kind()) {
            case "practice" -> practice(platformUrl, change.itemId());
            case "experiment" -> api + "experiments/" + change.itemId();
            case "service" -> api + "socialmap/services/" + change.itemId();
            case "respite-route" -> api + "socialmap/municipalities/" + change.itemId() + "/respite-route";
            case "endpoint" -> api + "notifications/webhooks/" + change.itemId();
            default -> null;
        };
    }

    public static String practice(String platformUrl, String practiceId) {
        return platformUrl + "/api/v1/practices/" + practiceId;
    }
}
