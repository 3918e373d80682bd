package io.laborpulse.launcher;

import io.laborpulse.ingest.IngestFormat;
import io.laborpulse.ingest.IngestPublisher;
import io.laborpulse.ingest.IngestLedger;
import io.laborpulse.ingest.IngestProducers;
import io.laborpulse.schemas.Topics;
import io.laborpulse.schemas.avro.Article;
import io.laborpulse.schemas.registry.InMemorySchemaRegistryClient;
import io.laborpulse.schemas.serde.ConfluentAvroSerializer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Load harness for the ingest producer: publishes synthetic ~3 KB multilingual articles through
 * the real {@link IngestPublisher} (transactions, ledger, acks=all, idempotence) into an
 * embedded broker, once per compression codec, and prints articles/s and bytes on disk. Not a
 * test: run it by hand (see the README) on a quiet machine.
 *
 * <pre>mvn -B -q -pl launcher -am test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.laborpulse.launcher.IngestThroughputHarness -Dexec.args=20000</pre>
 */
public final class IngestThroughputHarness {

    private static final String[] OPENINGS = {
        "کارگران کارخانه در اراک مقابل فرمانداری تجمع کردند و خواستار پرداخت حقوق معوقه شدند. ",
        "甘肃省兰州市总工会开展送温暖活动,为200名环卫工人送去慰问品。",
        "Workers at a garment factory in Gazipur blocked the highway demanding three months of unpaid wages. ",
        "نظم عمال شركة الغزل والنسيج في المحلة الكبرى وقفة احتجاجية للمطالبة بصرف المستحقات المتأخرة. "};

    private IngestThroughputHarness() {
    }

    public static void main(String[] args) throws Exception {
        // Generated Avro classes are only (de)serialised from packages the JVM trusts.
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "io.laborpulse.schemas.avro");
        int articles = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Path dir = Files.createTempDirectory("laborpulse-ingest-harness");
        try (ServerSocket a = new ServerSocket(0); ServerSocket b = new ServerSocket(0)) {
            a.close();
            b.close();
            EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), "localhost", a.getLocalPort(), b.getLocalPort());
            try (kafka; Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                TopicBootstrap.ensure(admin, Topics.ALL, (short) 1);
                System.out.printf(Locale.ROOT, "%d articles of ~3 KB each, batches of 500, one transaction per batch%n", articles);
                System.out.printf(Locale.ROOT, "%-8s %12s %14s %14s%n", "codec", "articles/s", "MB/s (raw)", "bytes on disk");
                long before = articlesOnDisk(admin);
                for (String codec : List.of("none", "lz4", "zstd")) {
                    double[] result = run(kafka.bootstrapServers(), codec, articles);
                    long after = articlesOnDisk(admin);
                    System.out.printf(Locale.ROOT, "%-8s %12.0f %14.1f %14d%n", codec, result[0], result[1], after - before);
                    before = after;
                }
            }
        }
    }

    /** Articles per second and raw megabytes per second for one codec. */
    private static double[] run(String bootstrap, String codec, int count) {
        Map<String, String> client = Map.of(ProducerConfig.COMPRESSION_TYPE_CONFIG, codec);
        Random random = new Random(7);
        List<IngestPublisher.Line> lines = new ArrayList<>(count);
        long rawBytes = 0;
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 3000) {
                text.append(OPENINGS[random.nextInt(OPENINGS.length)]);
            }
            String json = "{\"id\":\"" + codec + "-" + i + "\",\"source\":\"harness\",\"text\":\"" + text + "\"}";
            rawBytes += json.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            lines.add(IngestPublisher.Line.of("harness", i + 1, json));
        }
        try (IngestPublisher<Article> publisher = new IngestPublisher<>(IngestFormat.ARTICLES, 
                new KafkaProducer<>(IngestProducers.transactional(bootstrap, IngestProducers.transactionalId("harness-" + codec), client),
                        new ByteArraySerializer(), new ByteArraySerializer()),
                new ConfluentAvroSerializer<Article>(new InMemorySchemaRegistryClient(), false),
                IngestLedger.load(bootstrap, Map.of()), Clock.systemUTC(), new SimpleMeterRegistry())) {
            long start = System.nanoTime();
            for (int from = 0; from < count; from += 500) {
                publisher.publish(lines.subList(from, Math.min(count, from + 500)));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new double[] {count / seconds, rawBytes / seconds / 1e6};
        }
    }

    private static long articlesOnDisk(Admin admin) throws Exception {
        long bytes = 0;
        for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(List.of(1)).allDescriptions().get().values()) {
            for (LogDirDescription dir : dirs.values()) {
                for (Map.Entry<TopicPartition, ReplicaInfo> replica : dir.replicaInfos().entrySet()) {
                    if (replica.getKey().topic().equals(Topics.ARTICLES.name())) {
                        bytes += replica.getValue().size();
                    }
                }
            }
        }
        return bytes;
    }
}
