package keras4j.models;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import keras4j.layers.KerasTensor;
import keras4j.layers.Layer;
import keras4j.layers.Layers;
import keras4j.layers.Node;
import keras4j.layers.InputLayer;
import keras4j.utils.Config;

/**
 * A functional model's config in Keras's JSON structure ({@code layers} with {@code inbound_nodes},
 * {@code input_layers}, {@code output_layers}), and the model rebuilt from it — Keras 3's form
 * ({@code {"args": [__keras_tensor__...], "kwargs": {}}}) and Keras 2's ({@code [[name, node, tensor, {}]]}).
 */
final class FunctionalConfig {
    private FunctionalConfig() {}

    static Map<String, Object> getConfig(Model model) {
        Set<Node> own = model.graphNodes();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("name", model.name());
        config.put("trainable", model.trainable());
        List<Object> layers = new ArrayList<>();
        for (Layer layer : model.layers()) {
            List<Object> inbound = new ArrayList<>();
            for (Node node : layer.inboundNodes()) {
                if (!own.contains(node) || node.inputs().isEmpty()) continue;
                List<Object> tensors = new ArrayList<>();
                for (KerasTensor t : node.inputs()) tensors.add(serializeTensor(t, own));
                List<Object> args = new ArrayList<>();
                args.add(tensors.size() == 1 ? tensors.get(0) : tensors);
                inbound.add(Config.of("args", args, "kwargs", new LinkedHashMap<>()));
            }
            Map<String, Object> entry = layer.serialize();
            entry.put("name", layer.name());
            entry.put("inbound_nodes", inbound);
            layers.add(entry);
        }
        config.put("layers", layers);
        config.put("input_layers", tensorRefs(model.inputs(), model.inputsAsList(), own));
        config.put("output_layers", tensorRefs(model.outputs(), model.outputsAsList(), own));
        return config;
    }

    private static Object tensorRefs(List<KerasTensor> tensors, boolean asList, Set<Node> own) {
        if (!asList && tensors.size() == 1) return ref(tensors.get(0), own);
        List<Object> out = new ArrayList<>();
        for (KerasTensor t : tensors) out.add(ref(t, own));
        return out;
    }

    /** {@code [layer, nodeIndex, tensorIndex]} with the node index counted among this model's nodes only. */
    private static List<Object> ref(KerasTensor t, Set<Node> own) {
        return List.of(t.layer().name(), relativeNodeIndex(t, own), t.tensorIndex());
    }

    private static int relativeNodeIndex(KerasTensor t, Set<Node> own) {
        int irrelevant = 0;
        List<Node> nodes = t.layer().inboundNodes();
        for (int i = 0; i < t.nodeIndex(); i++) if (!own.contains(nodes.get(i))) irrelevant++;
        return t.nodeIndex() - irrelevant;
    }

    private static Map<String, Object> serializeTensor(KerasTensor t, Set<Node> own) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("shape", Config.shape(t.dims()));
        c.put("dtype", "float32");
        c.put("keras_history", List.of(t.layer().name(), relativeNodeIndex(t, own), t.tensorIndex()));
        return Config.of("class_name", "__keras_tensor__", "config", c);
    }

    // ------------------------------------------------------------------ from config

    @SuppressWarnings("unchecked")
    static Model fromConfig(Map<String, Object> config) {
        List<Map<String, Object>> layerConfigs = (List<Map<String, Object>>) config.get("layers");
        if (layerConfigs == null) throw new IllegalArgumentException("Functional config needs \"layers\"; received keys " + config.keySet());
        Map<String, Layer> created = new LinkedHashMap<>();
        Map<String, List<Object>> pending = new LinkedHashMap<>();
        for (Map<String, Object> lc : layerConfigs) {
            Layer layer = Layers.deserialize(lc);
            String name = lc.get("name") != null ? (String) lc.get("name") : layer.name();
            if (created.containsKey(name)) throw new IllegalArgumentException("Functional config has two layers named \"" + name + "\"");
            created.put(name, layer);
            pending.put(name, new ArrayList<>((List<Object>) lc.getOrDefault("inbound_nodes", List.of())));
        }
        // Keras applies nodes in passes: a node waits until every tensor it consumes exists.
        Map<String, List<List<KerasTensor>>> outputsByLayer = new HashMap<>();
        for (Map.Entry<String, Layer> e : created.entrySet()) {
            List<List<KerasTensor>> outs = new ArrayList<>();
            if (e.getValue() instanceof InputLayer in) outs.add(List.of(in.output()));
            outputsByLayer.put(e.getKey(), outs);
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Map.Entry<String, List<Object>> e : pending.entrySet()) {
                while (!e.getValue().isEmpty()) {
                    List<KerasTensor> inputs = resolveNode(e.getValue().get(0), outputsByLayer);
                    if (inputs == null) break;
                    e.getValue().remove(0);
                    outputsByLayer.get(e.getKey()).add(created.get(e.getKey()).apply(inputs));
                    progress = true;
                }
            }
        }
        for (Map.Entry<String, List<Object>> e : pending.entrySet()) {
            if (!e.getValue().isEmpty()) {
                throw new IllegalArgumentException("Functional config: cannot connect layer \"" + e.getKey() + "\": its inputs are never produced");
            }
        }
        Object in = config.get("input_layers"), out = config.get("output_layers");
        List<KerasTensor> inputs = tensorsFor(in, outputsByLayer), outputs = tensorsFor(out, outputsByLayer);
        return new Model((String) config.get("name"), inputs, outputs, isListOfRefs(in), isListOfRefs(out));
    }

    /** {@code [[name, 0, 0], ...]} (a list of tensors) rather than {@code [name, 0, 0]} (one tensor). */
    private static boolean isListOfRefs(Object o) {
        return o instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof List;
    }

    @SuppressWarnings("unchecked")
    private static List<KerasTensor> tensorsFor(Object refs, Map<String, List<List<KerasTensor>>> outputsByLayer) {
        List<Object> list = (List<Object>) refs;
        List<KerasTensor> out = new ArrayList<>();
        if (!list.isEmpty() && !(list.get(0) instanceof List)) list = List.of(list);
        for (Object r : list) {
            List<Object> ref = (List<Object>) r;
            KerasTensor t = lookup((String) ref.get(0), ((Number) ref.get(1)).intValue(), ((Number) ref.get(2)).intValue(), outputsByLayer);
            if (t == null) throw new IllegalArgumentException("Functional config refers to " + ref + ", which the layers never produce");
            out.add(t);
        }
        return out;
    }

    private static KerasTensor lookup(String layer, int node, int tensor, Map<String, List<List<KerasTensor>>> outputsByLayer) {
        List<List<KerasTensor>> nodes = outputsByLayer.get(layer);
        if (nodes == null) throw new IllegalArgumentException("Functional config refers to unknown layer \"" + layer + "\"");
        if (node >= nodes.size()) return null;
        List<KerasTensor> outs = nodes.get(node);
        if (tensor >= outs.size()) throw new IllegalArgumentException("Functional config refers to tensor " + tensor + " of layer \"" + layer + "\" node " + node + ", which has " + outs.size());
        return outs.get(tensor);
    }

    /** The input tensors of one serialized node, or null when some are not produced yet. */
    @SuppressWarnings("unchecked")
    private static List<KerasTensor> resolveNode(Object nodeData, Map<String, List<List<KerasTensor>>> outputsByLayer) {
        List<List<Object>> refs = new ArrayList<>();
        if (nodeData instanceof Map<?, ?> m) {
            List<Object> args = (List<Object>) m.get("args");
            collectKerasTensors(args.isEmpty() ? List.of() : args.get(0), refs);
        } else {
            for (Object r : (List<Object>) nodeData) refs.add((List<Object>) r);
        }
        List<KerasTensor> inputs = new ArrayList<>();
        for (List<Object> r : refs) {
            KerasTensor t = lookup((String) r.get(0), ((Number) r.get(1)).intValue(), ((Number) r.get(2)).intValue(), outputsByLayer);
            if (t == null) return null;
            inputs.add(t);
        }
        return inputs;
    }

    @SuppressWarnings("unchecked")
    private static void collectKerasTensors(Object arg, List<List<Object>> refs) {
        if (arg instanceof Map<?, ?> m && "__keras_tensor__".equals(m.get("class_name"))) {
            refs.add((List<Object>) ((Map<String, Object>) m.get("config")).get("keras_history"));
        } else if (arg instanceof List<?> l) {
            for (Object o : l) collectKerasTensors(o, refs);
        }
    }
}
