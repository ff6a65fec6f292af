# The classroom seed client, as the project began: connect, send each line typed (no newline: sendall of the bare
# text), print the server's answer (one recv of up to 1024 bytes), and stop on "salir". The tests run it to prove that
# PSSocketChat still talks to it; the README shows how to run it by hand.
#
#   python3 cliente.py [HOST [PORT]]       default localhost 8000
#
# The only additions to the original are the optional HOST and PORT, and that the end of input ends it like "salir".
import socket
import sys

host = sys.argv[1] if len(sys.argv) > 1 else "localhost"
port = int(sys.argv[2]) if len(sys.argv) > 2 else 8000

cliente = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
cliente.connect((host, port))
while True:
    try:
        mensaje = input()
    except EOFError:
        break
    if mensaje == "salir":
        break
    cliente.sendall(mensaje.encode("utf-8"))
    respuesta = cliente.recv(1024)
    print(respuesta.decode("utf-8", "replace"), flush=True)

cliente.close()
