package keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import keras4j.tensor.Internal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by h5py (3.7, libhdf5 1.10.8) the way Keras's h5py-based writers lay them out, embedded as
 * gzip+base64 because the DL4J fixtures cover only some encodings. They exercise what jHDF-written files cannot:
 * old-style (symbol table) groups, variable-length string arrays for {@code layer_names}/{@code weight_names},
 * chunked {@code layer_names0/1}, Keras 3's legacy layout ({@code top_level_model_weights}, weight paths without
 * {@code :0}), float64/float16/int64 weights, a Keras 3.6+ {@code .weights.h5} with {@code name} attributes, and
 * soft, external and hard links, which Keras's {@code safe_get_h5_group}/{@code safe_get_h5_dataset} refuse.
 *
 * <p>Generator (run with /usr/bin/python3 and Debian's python3-h5py; it writes no Keras code, only the layouts):
 * <pre>
 * # Writes small HDF5 files the way h5py-based Keras writers do (run with h5py 3.7 / HDF5 1.10.8).
 * import h5py, numpy as np, json, gzip, base64, sys
 *
 * def keras3_legacy(path):
 *     # keras/src/legacy/saving/legacy_h5_format.py save_model_to_hdf5 (Keras 3.x)
 *     with h5py.File(path, "w") as f:
 *         f.attrs["keras_version"] = "3.6.0"                      # str gives variable-length
 *         f.attrs["backend"] = "jax"
 *         f.attrs["model_config"] = json.dumps({"class_name": "Sequential", "config": {"name": "sequential", "layers": [
 *             {"class_name": "InputLayer", "config": {"batch_shape": [None, 3], "dtype": "float32", "name": "input_layer"}},
 *             {"class_name": "Dense", "config": {"name": "dense", "units": 2}},
 *             {"class_name": "Dropout", "config": {"name": "dropout", "rate": 0.5}}]}}).encode("utf8")  # bytes gives |S
 *         g = f.create_group("model_weights")
 *         g.attrs["layer_names"] = np.asarray([b"dense", b"dropout"])
 *         g.attrs["backend"] = b"jax"
 *         g.attrs["keras_version"] = b"3.6.0"
 *         for name in ["dense", "dropout"]:
 *             lg = g.create_group(name)
 *             if name == "dense":
 *                 lg.attrs["weight_names"] = np.asarray([b"dense/kernel", b"dense/bias"])
 *                 lg.create_dataset("dense/kernel", data=np.arange(6, dtype="float32").reshape(3, 2))
 *                 lg.create_dataset("dense/bias", data=np.array([0.5, -0.5], dtype="float32"))
 *             else:
 *                 lg.attrs["weight_names"] = np.asarray([])        # float64, shape (0,)
 *         t = g.create_group("top_level_model_weights")
 *         t.attrs["weight_names"] = np.asarray([b"sequential/scale"])
 *         t.create_dataset("sequential/scale", data=np.float32(2.0))
 *
 * def vlen_names(path):
 *     # layer_names / weight_names as variable-length strings, layer_names chunked as Keras does when too long
 *     s = h5py.string_dtype("utf-8")
 *     with h5py.File(path, "w") as f:
 *         f.attrs["keras_version"] = "2.2.4-tf"
 *         f.attrs["backend"] = "tensorflow"
 *         f.attrs["model_config"] = json.dumps({"class_name": "Model", "config": {"name": "m", "layers": []}})
 *         f.attrs["training_config"] = json.dumps({"loss": "mse", "optimizer_config": {"class_name": "SGD", "config": {"lr": 0.01}}})
 *         g = f.create_group("model_weights")
 *         g.attrs.create("layer_names0", ["lstm", "flatten"], dtype=s)
 *         g.attrs.create("layer_names1", ["dense_10", "dense_2"], dtype=s)
 *         g.attrs["backend"] = "tensorflow"
 *         g.attrs["keras_version"] = "2.2.4-tf"
 *         lstm = g.create_group("lstm")
 *         lstm.attrs.create("weight_names", ["lstm/lstm_cell/kernel:0", "lstm/lstm_cell/recurrent_kernel:0", "lstm/lstm_cell/bias:0"], dtype=s)
 *         lstm.create_dataset("lstm/lstm_cell/kernel:0", data=np.full((2, 8), 1, "float32"))
 *         lstm.create_dataset("lstm/lstm_cell/recurrent_kernel:0", data=np.full((2, 8), 2, "float32"))
 *         lstm.create_dataset("lstm/lstm_cell/bias:0", data=np.full((8,), 3, "float32"))
 *         g.create_group("flatten")                                   # no weight_names at all
 *         for name, v in [("dense_10", 10), ("dense_2", 2)]:
 *             d = g.create_group(name)
 *             d.attrs.create("weight_names", [name + "/kernel:0", name + "/bias:0"], dtype=s)
 *             d.create_dataset(name + "/kernel:0", data=np.full((2, 1), v, "float64"))
 *             d.create_dataset(name + "/bias:0", data=np.full((1,), v, "float16"))
 *         o = f.create_group("optimizer_weights")
 *         o.attrs.create("weight_names", ["SGD/iter:0"], dtype=s)
 *         o.create_dataset("SGD/iter:0", data=np.int64(7))
 *
 * def keras3_weights(path):
 *     # keras/src/saving/saving_lib.py H5IOStore (Keras at least 3.6): vars groups with a "name" attribute
 *     with h5py.File(path, "w") as f:
 *         v = f.create_group("vars"); v.attrs["name"] = "sequential"
 *         d = f.create_group("layers/dense/vars"); d.attrs["name"] = "dense"
 *         d["0"] = np.arange(6, dtype="float32").reshape(3, 2)
 *         d["1"] = np.zeros(2, dtype="float32")
 *         f.create_group("layers/dropout/vars").attrs["name"] = "dropout"
 *         o = f.create_group("optimizer/vars"); o.attrs["name"] = "adam"
 *         o["0"] = np.int64(3)
 *         o["1"] = np.float32(0.001)
 *         for i in range(2, 12):
 *             o[str(i)] = np.full((1,), i, "float32")
 *
 * for fn, name in [(keras3_legacy, "keras3_legacy.h5"), (vlen_names, "vlen_names.h5"), (keras3_weights, "keras3.weights.h5")]:
 *     fn("/tmp/h5gen/" + name)
 *     data = open("/tmp/h5gen/" + name, "rb").read()
 *     b64 = base64.b64encode(gzip.compress(data, mtime=0)).decode()
 *     print(name, len(data), len(b64), file=sys.stderr)
 *     with open("/tmp/h5gen/" + name + ".b64", "w") as out:
 *         out.write(b64)
 * </pre>
 * The link files (soft, external and hard links next to a {@code layers/dense} group) come from:
 * <pre>
 * import h5py, numpy as np, gzip, base64
 * def links(path, kind):
 *     with h5py.File(path, "w") as f:
 *         d = f.create_group("layers/dense/vars"); d["0"] = np.ones((2, 2), "float32")
 *         if kind == "soft": f["layers/evil"] = h5py.SoftLink("/layers/dense")
 *         if kind == "external": f["layers/evil"] = h5py.ExternalLink("/etc/passwd.h5", "/")
 *         if kind == "hard": f["layers/dense_1"] = f["layers/dense"]
 * for kind in ["soft", "external", "hard"]:
 *     p = f"/tmp/h5gen/{kind}.weights.h5"; links(p, kind)
 *     data = open(p, "rb").read(); b64 = base64.b64encode(gzip.compress(data, mtime=0)).decode()
 *     open(p + ".b64", "w").write(b64); print(kind, len(data), len(b64))
 * </pre>
 */
class H5pyWrittenFilesTest {
    @TempDir
    Path dir;

    /** Keras 3 legacy_h5_format: str attributes as vlen, model_config and names as bytes, top-level weights. */
    static final String KERAS3_LEGACY = """
            H4sIAAAAAAACA+1bTU8TQRie7QduEAhEE0AkrhsOHhAaCoheqAhaEyJEPJAQUpd2oZVlW7tbhJDGHvHmkSNHjv4DOfITPHLk6D/A
            nZ2ZdmfaLWvhgPZ9kmY6H/vOdOZ53s68035Lzr/u7nzQiTBkGUVQL/LikuL8OZ9n9R9pKtH0kKYnIVYedesGaHkvta+E+Qc/vF9Y
            wJlLAdWBUAMyArQjkgsvl3G6ytMBnYX4djv5jG6kvui5raxteXiZaLHfPspXkdddKEnp24PuO6zc1oualdrVi1Yubzrlg5LkPtlb
            HYPM6STqIbPk2kvQ97Jrb0NLb+tm5ko7YY+dEDeubtcOmY903tzMbSF3XKipvTmpZi/cRL/nHX+nX/khv26A9tZvjH1fdPDtMrpp
            6Tgt5gv5ko3sfCFl6LsOh3llM74+CajfZITksx2ifrscug8gQ9vXiylT29Ett/ye08EdXC9JVW15UzpONswm+kWB9RsJ5FdQYL8S
            DbAub14tLUqIGhTtOIiPTY/FPJ+bfW1/0va4/Bx98EBNG5pluTOpvlDUFf1zSTftnGaoo4pK/JBTfqCyBhbXwF0GyylfEw29NQsl
            exFXC4Y2NDudTVlZrYDbrZklwxhV4utOo4y975apm0Zes+MT+EFmLofNpdzu1HJ5VBG7m8fr6zPkDKsrmTkbD3aioQVCDT8btdqi
            ZuOi2NhUubxeLte40Gi+oz7rwzDTA74GAAAAAAAAAAAAAAD1WHm3NC+5UQsCJcLHAcS4CaAxJOek3ihOujxM8gVaflWctKIgT1QH
            0G4Q46TsNu7HEN+OxUmrOr0RPxCu8i45yPuBAs1/H+LHFXvKt1ul+b1xkjI9rMb4dhWaP574v9aPxZvF+epCy/Tzd7vxZhLHrgWc
            cby5C10Rbx7f1oumbpD3GznNwvYkzu+w/i+o35GVYH7nlwp+B/xO/f3qE4VvRxiIEGHf9e9Xxf3H6TDvJ0QeA/z2H+Selk2cRG/G
            pBApCAv+pD4/4D7apzyidw8K6pdR/1daH3VWCNeHQsSgTBkSlpQRnjEMe7dgXxuqfk8po83bM/6dPQYu1aMySySecF4V53WM5Y7L
            fl5D+gAAAAAAAP6ZfSXZ5/mdU1vfR86MND6BHt6y+Wgc5/tN4x1Z5D1vI//fMwPgvO05bzPWH42LfCNYvqF+WXxIjNPxvxuuj0/1
            KbN0jAk0eRdNXtIDJPMDQXUyEG+kE/+4VGK6sVcAtKdOGJ9Ohbhx7WekvG4S19SJGKf26sQvjtvr0YUk6Lg2znErrRm6X/z2hOrk
            bCqYTo5mQCegk/p7o4spQSeYdOim741q8dtKnOe7yGNA0H22+D+BVvfVCbqvjgg9Ht3q+RB5dfgMONIK/gC5GLMP4DkAAA==
            """;

    /** tf.keras-like: vlen string arrays, layer_names chunked, a layer without weight_names, optimizer weights. */
    static final String VLEN_NAMES = """
            H4sIAAAAAAACA+1cTUwbRxSetQ3emB8vUSNIhFLbKi1ILRiXVA5pgysMOG1DHGilSFVFHViwlcW2vG5DG6FypLcec8wxR44cOXLM
            EfXEMap6yLE3uj/z1jPjtb2A1WL5fdIyfrNvZ9bj975582aX3zPpxYHQrRAxIcskQBTC4oxC+Y6X4fyPtJRouU/L1z6o77XOjdB6
            hbYf8dtyll747crCgql9JsC5kRGuQHQZMgtfZs3yCZXjtDz28XrbpQ1VW3uuFrbyVd2QS+VqYbvwq1ph6lh7HW/R7xC1V9Gu+0mG
            tjNI3iMyeaZWcvraz2pFL5SKRv1NSbKuVJy+ZK5fuVZl1fWTFP0sW+09za0/U4sbLdsJMe34uPsasNqxx2O9VNwsbBEP93Wfac/P
            tadY7VUruUKxUNyCJlu1t8K0F7Dqg658EA/a8hvijQ9OR5lxRCAf0PKkl9fT9Oq2WW5quWpVLZINtaira9OgTuWEZz4Ae83cpP0R
            4IM843cjRMv9YnBOMbet6vGmfidJju+yZYAxbvMrBRm5p018cc04luYffSMReoHITwYSk4nJmU+qmz72egPGWOqlyqZWel7jCoc/
            DLyIrWs5XbdGIDYbiT00eSj2cSRm84ZR9SIG57bNemvAdEP8/ofdXfr9gT+s9rSSrlvaumrq14idaZHvc3UpLfSoVYwiPhmf3jX7
            gLEkML6MnfSyvwNjR0FBH+xHFsYN7Oxai3ELNRjvPirfYPqfMv+srauaNvW0kNNn45Yd2Ii661XU9Z8qFbVYXTMmqKKqzYLhD9By
            2P06R3uQng8L3wvuIOzMk8J5oT+IKgf5cXO+yJCgB+ehmevCOBq/7VShqlacDiiSA8iNCAQCgUAgEAgEAuGG1eVHaYn4nPVnOcDn
            AV5S+ZAuiCFvt/M1r/eKykcPu3McIU8sjleTvND0RfJCbN5YFvJCQdLevHTIqve75mvHb1P7oPWt8rV7UT7PgeguiPlayPPsj/J6
            kGcDe8y0hd8Cjv3Kn/G8FadyNmmXkP89SvF6b6ksz/P3n/mU1ytT+Y87vL1HbvF6GSrnRzuL38T77ic7HL/Zu2w2wXnhN8gbQznM
            DJqZyosyspnrvMHIfVabEsdPcJ9vKT/JUW/8tD+G/IT8VOMnsKfxaD0/WSlywvtz6lL8JDl2d3Rb4B3BjhHuaMQD72KUr8e88cDp
            R/zvj+huHkhCnDDG6wnbW6TRRhvsb4E/RzzywHGM5wHRjhGNeKDHHjMJZDuik3xS/TrKRfYbnm9qDkXep3u/ETIsk+Hf6PkeQ9M8
            7/PZDcqUKfzS+IT7TLBzBdb3fuf5iGSiuT6Mw5sPm+s58+N0t1jW3tzlDsswLnGkWhwmPqiVD4TAJEVSQaQHBAKBQCA6JK7MX8m4
            sn487PuFvJ7ctu//esJ95bTfEfkHMR9s5x9I4/dcEJh/YPIP4D8Hd0R7s5Ftm/267/MdJ3lva5U/Uz7n7xvR3fYL9lRO8nriexiX
            zaMD34r7eeL++3n3p8T99yHGuMP0AHmwyTywc9eWX97z5kf5++hH6Ec1P4Lo5/AeryfmocV8c/Kc/Yp56Oxd3j9FO0Zcbr0gCfwi
            1cXLc/S3SJGZPjJz5m8VLx9PwAx+ldYL8JwZ8OLBXHN9sL8nX6AtnWfdJTW0ozC1MYWEekgo3HLddTLBW+ZVXXe5x6178+eLW48X
            cb7F+bb++bTxebe4NdG259Oc55Vo4AvPl7U7blUY4x6isSrISpO4NZ6mccCiNz+KPEA/Qj+qj1vLi/9t3Cqn+XlQtGPEVYtb/+yI
            uDX/lbe4VcmgLf0/cetfHR23Jpd5q28135Yf43yL82193HoqvIe1upTm/Ktdcav43lc/vZOLxq0iD7D/r+Z6kzj1hPrNP1mP671V
            9Bv0m3q/GXnM68H/mGnv+0i1OPVgmbd30Y4RXuMJWYgfFOuzIhMnDm0eN/w94c4IrzpiPES7OlxBG7kI/gXUvwodEFUAAA==
            """;

    /** Keras 3.6+ H5IOStore: vars groups with a name attribute, int64 iteration, 12 optimizer variables. */
    static final String KERAS3_WEIGHTS = """
            H4sIAAAAAAACA+1cz08TQRSe2bZ0QzAuhoRKUFfw0MRoiqgoQdkGClWJNOqBI01oAgnQyg+DXiTxUm8eOXL0yJGjx/4JHHvk6MED
            BxPc7by37EzbbdMWofR9yWY6u293dr95M2/mm4HvyemZa90D3cyBrrMgM5gXp4DcnJzH64uQckjzkP7U8DwvXYvA+V54vmr34V0i
            4VifKsByiiGR6ozQiUgm4iknXYB8FNKCJtt9Sm9sOulq+nPG+ZXNba2srXzJbCh+GquzXM4Ckv8a4L/RsOz/wn9ZVf8lkP96/Rf7
            sXxI9TeBVIvKff92ftrxYezV82G5HHRsc0DKsuQT2S4H+R9j8vubAdkuCfnl0NWqP4xb6vf1MAu+P8T6bFbW02sZJ3+T89IdhsuN
            LvHU7SGR+8RJtX6q2e3B9cNB/35rYUjut2an5uc4gxdV38/GZubjdmZ9ayW9KvLY3WL1LmXWN50PBlpYGM9vZHPZ7S17PCGAaXop
            veblNX+d+gYCgUAgEAgEAoFAIBDOG7V099gt1A8InQhVt0Q9yRqQ7VAHQt0HdSTrnPzSuCtSWg8iv/T2T0eDsh2uB7n6dJPlCj1d
            c/3uQNHTVR0W38t8KNslIb8c68z6q9W+C/cp7lD7Lo87h6Zsh81nhMnty2qqfXO3fR8p7XvnNrRzk+rID7gupfLV6HpZyBPsNbif
            eww47AjgmjiB61G4XlWej5Ru7TXvwNqUyfp11v/VLU8vXdc08UAdPDDAC8OyRyJ2LgHru5PC9S372LWPfbcZ4Pdnb3wbL7f5ZR9F
            xzZu14B9mPYRi5MXEwgEAoFwuaHOSw+H/O1xXmU8IO68KB9XinEe51waPzY/jizCOFJVsPKXjI/K+81U/aLWfH5/tPLXEjpzPu/u
            R1X0r1brddX2QR4/FvlF5vVf2r9NqM9/sR9Ljqr+JtDa/dtnelQxJpejg/AVHaU68gPGLZWvRvWosMcJAj5xUt03X1P3Hqc4Sf1M
            eZw8GLuYOGlMVIqTWlX/3X3BYBQscDLb2v6Q0B7+ewD5ZTw/+z/mv2dxUn8mx8kY5FPjVEf1xEmVr0bjZNATzIIV59eyvfOXas5v
            Q8fbrBrz6OMq8+j9NtJtuty3z03Up9sUXvrbYfxIvfa3w3598Y2/HcaFo0l/O+z3j62L1m1Uv2pUp/k97PFkD/baWsfiynylcX7+
            VOEn36F8nBAfEh9/iQ+JD3aP+PDyESQ+JD504kPio6ct+ECo+9EeQYryHMjODGQh9hRSnN7DsJs9x+fAA0dGZD5bs4+1y/0/Kifx
            +r5Ln/K3w/ePTPvb4fAwmqgxn8Tnzvjbob5gvbqq7cCgfkHio4/4kPiItAUf/wBq5ftZcEwAAA==
            """;

    static final String SOFT_LINK = """
            H4sIAAAAAAACA+v0cHHj5ZLiYgABDg4GFgYBBmTwHwomSKLyYfIJUJoRSndA6RVMMHFGsJwEVFwQaj66upAgV1eQ6v9oAGbPA1YI
            zcEwCkYi8HB1DADREVA+LJWeYEJVl5NYmVpUjEiPHhTaiyv9ejBD+BmsxKXfF5yo7h4FIzv9asDKS1ZUdSmpecWpQDq1LDMHxNeH
            JGh9mDgsXRsQaW+wn78LKAXDyk0FZtTyGj0djwLSyoEAdgi/gJO4cuAD72g9NloOYNZjEzhR1ZUlgmox6tVjkHKACZ7uNNhRywH0
            dCyA1v6DVbMSo+UA1nIgghvCr+AlrhzwkBgtB0bLAcxyYAYvqjoDtP4VdcoBRHvAgBvVfPR0PApwlQOskDBjhPEhLTpGJogArLzE
            RTMDSxCQSkEFeWCfG9wyYxDnYBCvh8qzAmMIJM/EBDGQA1riMDN6CGDvSVQMcIg02KPiUTAKRsEoGAWjYBQMd4DerrTgHw0TcgAA
            QvY+HJAZAAA=
            """;

    static final String EXTERNAL_LINK = """
            H4sIAAAAAAACA+v0cHHj5ZLiYgABDg4GFgYBBmTwHwoYpND4UJAApRmhdAeUXsEEE2cEy0lAxQWh5qOrCwlydQWp/o8GYPY8YIXQ
            HAyjYCQCD1fHABAdAeXDUukJJlR1OYmVqUXFiPToQaG9jAysKOlXAGrzBEkIv4CBuPT7gnM0/Y6mX8z028GKqi4lNa84lYF66TfY
            z98FVALD0p0CM2p57QHlZ7COxhH+cgB7PRbADi0HOIkrBz7wjpYDo+UAZjkwgRNVXVkiqBajXTmgwY5aDqCn41FAWjkQwQ3hV/AS
            Vw54SIyWA6PlAGY5MIMXVZ0BWv+K2uWAATeq+ejpeBTg7xfAAo6RQQNCM0EEYN0SXDQzsAQBqRRUkAf2ucEtMwZxDgbxeqg8KzCG
            QPJMTBADOaAlDjOjhwBqioGBigEOkQZ7VDwKRsEoGAWjYBSMguEO0NuVFvyjYUIOYIL3LLH3HLmg7UIYYIO2A4HtUfDQIaxfzwZs
            T4LFORxYUssyc4QYGPRTS5L1CxKLi8tT9DJMGfTB8gCXUnghABoAAA==
            """;

    static final String HARD_LINK = """
            H4sIAAAAAAACA+v0cHHj5ZLiYgABDg4GFgYBBmTwHwomSKLyYfIJUJoRSndA6RVMMHFGsJwEVFwQaj66upAgV1eQ6v9oAGbPA1YI
            zcEwCkYi8HB1DADREVA+LJWeYEJVl5NYmVpUjEiPHhTaiyv9ejBD+BmsxKXfF5yo7h4FIzv9wtJTByuqupTUvOJUGB1vCE/HDmTa
            G+zn7wJKwbByU4EZtbxGT8ejAHc5wISlHAhgh/ALOIkrBz7wjtZjo+UAZj02gRNVXVkiqBajXj0GKQeY4OlOgx21HEBPxwJEqhuJ
            5QC29kAEN4RfwUtcOeAhMVoOjJYDmOXADF5UdQZo/SvqlAOI9oABN6r56Ol4FOAqB1ghYcYI42tAaCaIAKxbgotmBpYgIJWCCvLA
            Pje4ZcYgzsEgXg+VZwXGEEieiQliIAe0xGFm9BDA3pOoGOAQabBHxaNgFIyCUTAKRsEoGO4AvV1pwT8aJuQAAAqGpH6QGQAA
            """;

    private Path materialize(String name, String base64) throws IOException {
        byte[] gz = Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""));
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            Path file = dir.resolve(name);
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    @Test
    void keras3LegacyH5() throws IOException {
        LegacyH5.Contents c = LegacyH5.read(materialize("keras3_legacy.h5", KERAS3_LEGACY));
        assertEquals("3.6.0", c.kerasVersion());
        assertEquals("jax", c.backend());
        assertEquals("Sequential", c.modelConfig().get("class_name"));
        assertNull(c.trainingConfig());
        assertEquals(List.of("dense", "dropout"), List.copyOf(c.weights().keySet()));
        List<NamedTensor> dense = c.weights().get("dense");
        assertEquals(List.of("dense/kernel", "dense/bias"), dense.stream().map(NamedTensor::name).toList());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, Internal.array(dense.get(0).value()));
        assertArrayEquals(new int[] {3, 2}, dense.get(0).value().shape());
        assertArrayEquals(new float[] {0.5f, -0.5f}, Internal.array(dense.get(1).value()));
        assertEquals(List.of(), c.weights().get("dropout"), "an empty float64 weight_names array is an empty list");
        assertEquals(1, c.topLevelWeights().size());
        assertEquals("sequential/scale", c.topLevelWeights().get(0).name());
        assertEquals(2f, c.topLevelWeights().get(0).value().item());
        assertEquals(List.of(), c.optimizerWeights());
    }

    @Test
    void variableLengthAndChunkedNames() throws IOException {
        LegacyH5.Contents c = LegacyH5.read(materialize("vlen_names.h5", VLEN_NAMES));
        assertEquals("2.2.4-tf", c.kerasVersion());
        assertEquals(Map.of("class_name", "SGD", "config", Map.of("lr", 0.01)), c.trainingConfig().get("optimizer_config"));
        assertEquals(List.of("lstm", "flatten", "dense_10", "dense_2"), List.copyOf(c.weights().keySet()),
                "layer_names0 then layer_names1, not alphabetical");
        assertEquals(List.of("lstm/lstm_cell/kernel:0", "lstm/lstm_cell/recurrent_kernel:0", "lstm/lstm_cell/bias:0"),
                c.weights().get("lstm").stream().map(NamedTensor::name).toList());
        assertEquals(3f, c.weights().get("lstm").get(2).value().get(7));
        assertEquals(List.of(), c.weights().get("flatten"));
        assertArrayEquals(new float[] {10, 10}, Internal.array(c.weights().get("dense_10").get(0).value()), "float64");
        assertArrayEquals(new float[] {2}, Internal.array(c.weights().get("dense_2").get(1).value()), "float16");
        assertEquals("SGD/iter:0", c.optimizerWeights().get(0).name());
        assertEquals(7f, c.optimizerWeights().get(0).value().item(), "int64 scalar");
    }

    @Test
    void keras3WeightsH5() throws IOException {
        WeightStore s = H5Weights.read(materialize("keras3.weights.h5", KERAS3_WEIGHTS));
        assertEquals(List.of("layers", "layers/dense", "layers/dense/vars", "layers/dropout", "layers/dropout/vars",
                "optimizer", "optimizer/vars", "vars"), s.groups());
        assertEquals(Map.of("name", "sequential"), s.attributes("vars"));
        assertEquals(Map.of("name", "dropout"), s.attributes("layers/dropout/vars"));
        assertEquals(List.of(), s.children("layers/dropout/vars"));
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, Internal.array(s.vars("layers/dense").get(0)));
        List<keras4j.tensor.Tensor> optimizer = s.vars("optimizer");
        assertEquals(12, optimizer.size());
        assertEquals(3f, optimizer.get(0).item());
        assertEquals(0.001f, optimizer.get(1).item());
        assertEquals(11f, optimizer.get(11).get(0));
    }

    @Test
    void softAndExternalLinksAreRefusedLikeKeras() throws IOException {
        Path soft = materialize("soft.weights.h5", SOFT_LINK);
        TestFiles.assertFileError(soft, () -> H5Weights.read(soft), "'layers/evil' is an HDF5 soft or external link");
        Path external = materialize("external.weights.h5", EXTERNAL_LINK);
        TestFiles.assertFileError(external, () -> H5Weights.read(external), "'layers/evil'", "links are not allowed");
    }

    @Test
    void anObjectReachedTwiceThroughHardLinksIsRefused() throws IOException {
        Path hard = materialize("hard.weights.h5", HARD_LINK);
        TestFiles.assertFileError(hard, () -> H5Weights.read(hard), "'layers/dense_1' is reached twice");
    }
}
