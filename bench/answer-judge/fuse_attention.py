"""Rewrites the int8 answer judge's unfused self-attention as ONNX Runtime's QAttention.

Each layer's three int8 products (query, key, value, quantized from one shared input), their
biases, the head reshapes and transposes, the scaled and masked softmax and the product with the
values become one com.microsoft.QAttention node over the same int8 weights (concatenated, each
keeping its own scale per column) and the same float biases. Nothing is requantized, so the
probabilities stay those of the model it reads, within float rounding.

usage: python3 fuse_attention.py IN.onnx OUT.onnx
"""
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, TensorProto


def main(src, dst):
    model = onnx.load(src)
    graph = model.graph
    inits = {i.name: i for i in graph.initializer}
    by_name = {n.name: n for n in graph.node}
    consts = {n.output[0]: numpy_helper.to_array(n.attribute[0].t)
              for n in graph.node if n.op_type == 'Constant'}
    layers = sorted({n.name.split('/')[1] for n in graph.node if n.name.startswith('/layers.')})

    mask = helper.make_node('Cast', ['attention_mask'], ['attention_mask_int32'],
                            name='/attention_mask_int32', to=TensorProto.INT32)
    new_nodes = [mask]
    replaced = set()
    for layer in layers:
        p = '/' + layer + '/'
        q, k, v = (by_name[p + x + '/MatMul_quant'] for x in 'qkv')
        x_q, _, x_zp, _ = q.input
        assert k.input[0] == x_q and v.input[0] == x_q, layer
        x_scale = by_name[p + 'q/MatMul_quant_scales_mul'].input[0]
        weights, scales, biases = [], [], []
        for node, x in ((q, 'q'), (k, 'k'), (v, 'v')):
            w = numpy_helper.to_array(inits[node.input[1]])
            assert numpy_helper.to_array(inits[node.input[3]]) == 0, 'symmetric weights only'
            weights.append(w)
            scale = numpy_helper.to_array(inits[by_name[p + x + '/MatMul_quant_scales_mul'].input[1]])
            scales.append(np.full(w.shape[1], scale, dtype=np.float32))
            biases.append(numpy_helper.to_array(inits[layer + '.' + x + '.bias']))
        heads = int(consts[p + 'Constant_2_output_0'][0])
        head_size = int(consts[p + 'Constant_3_output_0'][0])
        assert abs(consts[p + 'Constant_8_output_0'] - np.sqrt(head_size)) < 1e-5, 'scale'
        assert float(consts['/Constant_7_output_0']) == -10000.0, 'mask value'
        names = [p + 'qkv_weight', p + 'qkv_weight_scale', p + 'qkv_bias', p + 'qkv_weight_zero_point']
        graph.initializer.extend([
            numpy_helper.from_array(np.concatenate(weights, axis=1), names[0]),
            numpy_helper.from_array(np.concatenate(scales), names[1]),
            numpy_helper.from_array(np.concatenate(biases), names[2]),
            numpy_helper.from_array(np.array(0, dtype=np.int8), names[3]),
        ])
        out = by_name[p + 'Reshape_3']
        replaced.add(out.name)
        new_nodes.append(helper.make_node(
            'QAttention',
            [x_q, names[0], names[2], x_scale, names[1], 'attention_mask_int32', x_zp, names[3]],
            [out.output[0]], name=p + 'QAttention', domain='com.microsoft', num_heads=heads))

    kept = [n for n in graph.node if n.name not in replaced]
    del graph.node[:]
    graph.node.extend(kept + new_nodes)
    drop_unused(graph)
    order(graph)
    if not any(o.domain == 'com.microsoft' for o in model.opset_import):
        model.opset_import.append(helper.make_opsetid('com.microsoft', 1))
    onnx.checker.check_model(model)
    onnx.save(model, dst)


def drop_unused(graph):
    """Removes nodes and initializers nothing reads any more."""
    while True:
        used = {i for n in graph.node for i in n.input} | {o.name for o in graph.output}
        dead = [n for n in graph.node if not any(o in used for o in n.output)]
        if not dead:
            break
        for n in dead:
            graph.node.remove(n)
    used = {i for n in graph.node for i in n.input}
    for init in [i for i in graph.initializer if i.name not in used]:
        graph.initializer.remove(init)


def order(graph):
    """Sorts the nodes so that each comes after the nodes it reads from."""
    ready = {i.name for i in graph.input} | {i.name for i in graph.initializer} | {''}
    pending, done = list(graph.node), []
    while pending:
        progress = [n for n in pending if all(i in ready for i in n.input)]
        assert progress, 'cycle'
        for n in progress:
            ready.update(n.output)
            done.append(n)
            pending.remove(n)
    del graph.node[:]
    graph.node.extend(done)


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
