# TLS over asyncio streams, server and clients in one program: run by TlsTest under aio with a
# certificate made at test time (arguments: the certificate and key PEM files, for localhost and
# 127.0.0.1); tls_echo.out is what CPython 3.11 prints for it (python3 tls_echo.py cert.pem key.pem).
import asyncio
import ssl
import sys

CERT, KEY = sys.argv[1], sys.argv[2]


async def echo(reader, writer):
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.close()


async def main():
    server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_ctx.load_cert_chain(CERT, KEY)
    server = await asyncio.start_server(echo, '127.0.0.1', 0, ssl=server_ctx)
    port = server.sockets[0].getsockname()[1]
    async with server:
        client_ctx = ssl.create_default_context()
        print("default context:", client_ctx.protocol, client_ctx.verify_mode, client_ctx.check_hostname)
        try:
            await asyncio.open_connection('127.0.0.1', port, ssl=client_ctx, server_hostname='localhost')
        except ssl.SSLCertVerificationError as e:
            print(type(e).__name__, e.args)
            print("reason", e.reason, "library", e.library, "verify", e.verify_code, e.verify_message)
            print("is an OSError, a ValueError, an SSLError:", isinstance(e, OSError), isinstance(e, ValueError), isinstance(e, ssl.SSLError))

        client_ctx.load_verify_locations(CERT)
        reader, writer = await asyncio.open_connection('127.0.0.1', port, ssl=client_ctx, server_hostname='localhost')
        print("peer", writer.get_extra_info('peername')[0], "version", writer.get_extra_info('ssl_object').version())
        for word in [b"hello tls\n", b"second line\n"]:
            writer.write(word)
            await writer.drain()
            print("client got", await reader.readline())
        writer.close()
        await writer.wait_closed()

        big = b"x" * 50000 + b"\n"
        reader, writer = await asyncio.open_connection('localhost', port, ssl=client_ctx)
        writer.write(big)
        await writer.drain()
        reply = await reader.readline()
        print("50 KB line echoed:", reply == big.upper())
        writer.close()
        await writer.wait_closed()

        try:
            await asyncio.open_connection('127.0.0.1', port, ssl=client_ctx, server_hostname='example.com')
        except ssl.SSLCertVerificationError as e:
            print(type(e).__name__, e)

        no_verify = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        no_verify.check_hostname = False
        no_verify.verify_mode = ssl.CERT_NONE
        reader, writer = await asyncio.open_connection('127.0.0.1', port, ssl=no_verify)
        writer.write(b"no verification\n")
        print("client got", await reader.readline())
        writer.close()
        await writer.wait_closed()
        try:
            no_verify.check_hostname = True
            print("check_hostname turns verification on:", no_verify.verify_mode)
            no_verify.verify_mode = ssl.CERT_NONE
        except ValueError as e:
            print(type(e).__name__, e)

    errors = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    for args in [("/nonexistent/cert.pem",), (CERT,)]:
        try:
            errors.load_cert_chain(*args)
        except OSError as e:
            print(type(e).__name__, e.args)
    try:
        await asyncio.open_connection('127.0.0.1', port, server_hostname='localhost')
    except ValueError as e:
        print(type(e).__name__, e)


asyncio.run(main())
