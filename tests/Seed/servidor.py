# The classroom seed server, as the project began: accept one client, print each message it sends, answer
# "Mensaje recibido" (no newline: sendall of the bare text), until the client closes. The tests run it to prove that
# PSSocketChat still talks to it; the README shows how to run it by hand.
#
#   python3 servidor.py [HOST [PORT]]      default 0.0.0.0 8000; PORT 0 lets the system choose
#
# The only additions to the original are the optional HOST and PORT, and the first line it prints, which names the
# port it got, so that a test can connect without a fixed port.
import socket
import sys

host = sys.argv[1] if len(sys.argv) > 1 else "0.0.0.0"
port = int(sys.argv[2]) if len(sys.argv) > 2 else 8000

servidor = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
servidor.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
servidor.bind((host, port))
servidor.listen(1)
print(f"Servidor escuchando en {host}:{servidor.getsockname()[1]}", flush=True)

cliente, direccion = servidor.accept()
print(f"Conexion desde {direccion[0]}:{direccion[1]}", flush=True)
while True:
    datos = cliente.recv(1024)
    if not datos:
        break
    print(f"Mensaje: {datos.decode('utf-8', 'replace')}", flush=True)
    cliente.sendall(b"Mensaje recibido")

cliente.close()
servidor.close()
