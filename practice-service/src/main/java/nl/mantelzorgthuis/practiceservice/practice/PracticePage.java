package nl.mantelzorgthuis.practiceservice.practice;

import java.util.List;

import nl.mantelzorgthuis.practiceservice.practice.domain.Practice;

/** One page of practices, with what a client needs to fetch the others. */
public record PracticePage(List<Practice> items, PageInfo page) {

    public record PageInfo(int number, int size, long totalElements, int totalPages) {
    }
}
