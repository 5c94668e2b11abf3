package nl.mantelzorgthuis.starter.audit;

import java.util.List;

/** One page of an aggregate's audit trail, oldest entry first. */
public record AuditPage<T>(List<T> items, PageInfo page) {

    public record PageInfo(int number, int size, long totalElements, int totalPages) {
    }
}
