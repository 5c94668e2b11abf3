package nl.mantelzorgthuis.socialmap.place;

/**
 * What a postcode or place name was resolved to: a point, the name as the geocoder writes it, and
 * the CBS code of its municipality when the geocoder gives one. {@code reason} says why not, if not.
 */
public record Place(String query, boolean resolved, String name, Double latitude, Double longitude, String municipality,
        String reason) {

    static Place found(String query, String name, double latitude, double longitude, String municipality) {
        return new Place(query, true, name, latitude, longitude, municipality, null);
    }

    static Place notResolved(String query, String reason) {
        return new Place(query, false, null, null, null, null, reason);
    }
}
