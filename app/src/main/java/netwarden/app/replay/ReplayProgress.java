package netwarden.app.replay;

/** Told the file position now and then during a replay; implementations must be cheap. */
public interface ReplayProgress {
    /** @param position bytes of the file read so far */
    void at(long position);

    /** The file is done (or failed); clear whatever was drawn. */
    void finish();

    ReplayProgress NONE = new ReplayProgress() {
        @Override
        public void at(long position) {}

        @Override
        public void finish() {}
    };
}
