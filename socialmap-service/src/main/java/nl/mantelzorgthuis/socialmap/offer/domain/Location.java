package nl.mantelzorgthuis.socialmap.offer.domain;

/**
 * Where a service is given (HSDS location with its physical address); {@code municipality} is the
 * CBS code of the municipality the address lies in, {@code province} its province. Coordinates are WGS84.
 */
public record Location(String name, String address, String postalCode, String city, String municipality, String province,
        Double latitude, Double longitude) {

    /** A Dutch postcode is kept without its space (8011LW), however it was written; any other stays as given. */
    public Location {
        if (postalCode != null && postalCode.matches("\\d{4} [A-Z]{2}")) {
            postalCode = postalCode.replace(" ", "");
        }
    }

    public boolean hasPoint() {
        return latitude != null && longitude != null;
    }
}
