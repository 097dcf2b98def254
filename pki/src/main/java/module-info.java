/** Certificates for a deployment: the CA, server and client certificates `tls init` writes. */
module netwarden.pki {
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;
    exports netwarden.pki;
}
