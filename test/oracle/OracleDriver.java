import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.Serializer;
import net.sf.saxon.s9api.Xslt30Transformer;
import net.sf.saxon.s9api.XsltExecutable;

/**
 * Test-only oracle: runs one official compiled Schematron (XSLT 2.0, SVRL output) over every file of
 * a directory in a single JVM, because Saxon start-up and stylesheet compilation dominate per-file
 * cost. Writes one line per input: file name, TAB, then "id:flag" pairs (or "ERROR message").
 * Usage: java OracleDriver <xslt> <input dir> <output tsv>
 */
public class OracleDriver {
  private static final Pattern FINDING =
      Pattern.compile("<svrl:(?:failed-assert|successful-report)\\b([^>]*)>");
  private static final Pattern ID = Pattern.compile("\\bid=\"([^\"]*)\"");
  private static final Pattern FLAG = Pattern.compile("\\bflag=\"([^\"]*)\"");

  public static void main(String[] args) throws Exception {
    Processor processor = new Processor(false);
    XsltExecutable exec = processor.newXsltCompiler().compile(new StreamSource(new File(args[0])));
    File[] inputs = new File(args[1]).listFiles((dir, name) -> name.endsWith(".xml"));
    try (PrintWriter out = new PrintWriter(new File(args[2]), StandardCharsets.UTF_8)) {
      for (File input : inputs) {
        out.print(input.getName());
        out.print('\t');
        try {
          Xslt30Transformer transformer = exec.load30();
          StringWriter svrl = new StringWriter();
          Serializer serializer = processor.newSerializer(svrl);
          transformer.transform(new StreamSource(input), serializer);
          Matcher m = FINDING.matcher(svrl.toString());
          StringBuilder fired = new StringBuilder();
          while (m.find()) {
            Matcher id = ID.matcher(m.group(1));
            Matcher flag = FLAG.matcher(m.group(1));
            if (fired.length() > 0) fired.append(',');
            fired.append(id.find() ? id.group(1) : "?").append(':').append(flag.find() ? flag.group(1) : "?");
          }
          out.println(fired);
        } catch (Exception e) {
          out.println("ERROR " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
        }
      }
    }
  }
}
