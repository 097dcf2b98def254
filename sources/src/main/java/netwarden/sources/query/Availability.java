package netwarden.sources.query;

/**
 * Up/down of one server from its polls, pure: a miss after an answer (or before any answer) is
 * "not answering", the next answer is "back". One transition per change, never repeated.
 */
final class Availability {
    enum Change { NONE, NOT_ANSWERING, BACK }

    private Boolean up; // null until the first poll

    Change answered() {
        boolean wasDown = Boolean.FALSE.equals(up);
        up = true;
        return wasDown ? Change.BACK : Change.NONE;
    }

    Change missed() {
        boolean wasDown = Boolean.FALSE.equals(up);
        up = false;
        return wasDown ? Change.NONE : Change.NOT_ANSWERING;
    }

    boolean up() { return Boolean.TRUE.equals(up); }
}
