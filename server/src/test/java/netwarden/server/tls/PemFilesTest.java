package netwarden.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemFilesTest {
    @TempDir
    Path dir;

    private Path write(String name, Object... objects) throws Exception {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(out)) {
            for (Object o : objects) w.writeObject(o);
        }
        return Files.writeString(dir.resolve(name), out.toString());
    }

    private static KeyPair pair(String algorithm) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance(algorithm);
        if (algorithm.equals("EC")) g.initialize(new ECGenParameterSpec("secp384r1"));
        else g.initialize(2048);
        return g.generateKeyPair();
    }

    @Test
    void readsPkcs1RsaKeys() throws Exception {
        KeyPair rsa = pair("RSA");
        Path file = write("rsa.pem", rsa.getPrivate()); // JcaPEMWriter writes RSA PRIVATE KEY (PKCS#1)
        assertThat(Files.readString(file)).startsWith("-----BEGIN RSA PRIVATE KEY-----");
        PrivateKey key = PemFiles.readPrivateKey("key_file", file);
        assertThat(key.getAlgorithm()).isEqualTo("RSA");
        assertThat(key.getEncoded()).isEqualTo(rsa.getPrivate().getEncoded());
    }

    /** SEC1 as openssl writes it: the curve inside the key structure, no public key. */
    private Path sec1(String name, KeyPair ec) throws Exception {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(ec.getPrivate().getEncoded());
        org.bouncycastle.asn1.sec.ECPrivateKey inner = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(info.parsePrivateKey());
        var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(384, inner.getKey(),
                info.getPrivateKeyAlgorithm().getParameters());
        return write(name, new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
    }

    @Test
    void readsSec1EcKeysWithOrWithoutParameters() throws Exception {
        KeyPair ec = pair("EC");
        Path file = sec1("ec.pem", ec);
        String text = Files.readString(file);
        assertThat(text).startsWith("-----BEGIN EC PRIVATE KEY-----");
        PrivateKey read = PemFiles.readPrivateKey("key_file", file);
        assertThat(((java.security.interfaces.ECPrivateKey) read).getS())
                .isEqualTo(((java.security.interfaces.ECPrivateKey) ec.getPrivate()).getS());
        // openssl ecparam -genkey writes an EC PARAMETERS block first (OID of P-384).
        Path withParams = Files.writeString(dir.resolve("ec-params.pem"),
                "-----BEGIN EC PARAMETERS-----\nBgUrgQQAIg==\n-----END EC PARAMETERS-----\n" + text);
        assertThat(PemFiles.readPrivateKey("key_file", withParams).getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void readsPkcs8Keys() throws Exception {
        KeyPair rsa = pair("RSA");
        Path file = write("p8.pem", new JcaPKCS8Generator(rsa.getPrivate(), null));
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PemFiles.readPrivateKey("key_file", file).getEncoded()).isEqualTo(rsa.getPrivate().getEncoded());
    }

    @Test
    void refusesEncryptedKeysSayingHowToDecrypt() throws Exception {
        KeyPair ec = pair("EC");
        var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(PKCSObjectIdentifiers.pbeWithSHAAnd3_KeyTripleDES_CBC)
                .setPassword("secret".toCharArray()).build();
        Path file = write("enc.pem", new JcaPKCS8Generator(ec.getPrivate(), encryptor));
        assertThatThrownBy(() -> PemFiles.readPrivateKey("tls_server_config.key_file", file))
                .isInstanceOf(TlsConfigException.class)
                .hasMessageContaining("tls_server_config.key_file: " + file + " is encrypted")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void namesTheFileWhenItIsMissingUnreadableOrNotPem() throws Exception {
        Path missing = dir.resolve("nope.pem");
        assertThatThrownBy(() -> PemFiles.readCertificates("tls_server_config.cert_file", missing))
                .hasMessage("tls_server_config.cert_file: " + missing + " does not exist");
        Path text = Files.writeString(dir.resolve("text.pem"), "hello\n");
        assertThatThrownBy(() -> PemFiles.readCertificates("tls_server_config.cert_file", text))
                .hasMessageContaining(text + " holds no PEM certificate");
        assertThatThrownBy(() -> PemFiles.readPrivateKey("tls_server_config.key_file", text))
                .hasMessageContaining(text + " holds no PEM private key");
        Path broken = Files.writeString(dir.resolve("broken.pem"),
                "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> PemFiles.readCertificates("tls_server_config.cert_file", broken))
                .isInstanceOf(TlsConfigException.class).hasMessageContaining(broken + " is not valid PEM");
        Path twoKeys = write("two.pem", pair("EC").getPrivate(), pair("EC").getPrivate());
        assertThatThrownBy(() -> PemFiles.readPrivateKey("k", twoKeys)).hasMessageContaining("holds 2 keys");
        if (!"root".equals(System.getProperty("user.name"))) {
            Path locked = write("locked.pem", pair("EC").getPrivate());
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
            assertThatThrownBy(() -> PemFiles.readPrivateKey("k", locked)).hasMessageContaining("permission denied");
        }
    }
}
