package org.dragonflyclient.spring.autoconfigure;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;

/**
 * The TLS socket factory of an {@link SslBundle}: its key and trust material, and the ciphers and
 * protocols its options restrict to (the client only knows about a socket factory, so the
 * restrictions are applied to each socket it creates).
 */
final class SslBundleSocketFactory extends SSLSocketFactory {

    private final SSLSocketFactory delegate;
    private final String[] ciphers;
    private final String[] protocols;

    private SslBundleSocketFactory(SSLSocketFactory delegate, String[] ciphers, String[] protocols) {
        this.delegate = delegate;
        this.ciphers = ciphers;
        this.protocols = protocols;
    }

    static SSLSocketFactory of(SslBundle bundle) {
        SSLSocketFactory factory = bundle.createSslContext().getSocketFactory();
        SslOptions options = bundle.getOptions();
        if (options.getCiphers() == null && options.getEnabledProtocols() == null) {
            return factory;
        }
        return new SslBundleSocketFactory(factory, options.getCiphers(), options.getEnabledProtocols());
    }

    private Socket restrict(Socket socket) {
        if (socket instanceof SSLSocket tls) {
            if (ciphers != null) {
                tls.setEnabledCipherSuites(ciphers);
            }
            if (protocols != null) {
                tls.setEnabledProtocols(protocols);
            }
        }
        return socket;
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return ciphers != null ? ciphers.clone() : delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return restrict(delegate.createSocket(socket, host, port, autoClose));
    }

    @Override
    public Socket createSocket() throws IOException {
        return restrict(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return restrict(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return restrict(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return restrict(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return restrict(delegate.createSocket(address, port, localAddress, localPort));
    }
}
