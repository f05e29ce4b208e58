// The part of onnx.proto (github.com/onnx/onnx, Apache-2.0) Grayline reads and writes: model
// metadata, and the few graph messages the test speaker model needs. Field numbers are onnx.proto's.
import protobuf from 'protobufjs'

const schema = `
syntax = "proto3";
message StringStringEntryProto { string key = 1; string value = 2; }
message OperatorSetIdProto { string domain = 1; int64 version = 2; }
message AttributeProto { string name = 1; int64 i = 3; repeated int64 ints = 8; int32 type = 20; }
message TensorProto { repeated int64 dims = 1; int32 data_type = 2; string name = 8; bytes raw_data = 9; }
message Dimension { int64 dim_value = 1; string dim_param = 2; }
message TensorShapeProto { repeated Dimension dim = 1; }
message TensorType { int32 elem_type = 1; TensorShapeProto shape = 2; }
message TypeProto { TensorType tensor_type = 1; }
message ValueInfoProto { string name = 1; TypeProto type = 2; }
message NodeProto {
  repeated string input = 1; repeated string output = 2; string name = 3; string op_type = 4;
  repeated AttributeProto attribute = 5;
}
message GraphProto {
  repeated NodeProto node = 1; string name = 2; repeated TensorProto initializer = 5;
  repeated ValueInfoProto input = 11; repeated ValueInfoProto output = 12;
}
message ModelProto {
  int64 ir_version = 1; string producer_name = 2; GraphProto graph = 7;
  repeated OperatorSetIdProto opset_import = 8; repeated StringStringEntryProto metadata_props = 14;
}
`

const root = protobuf.parse(schema).root

export const ModelProto = root.lookupType('ModelProto')
export const StringStringEntryProto = root.lookupType('StringStringEntryProto')

/** ModelProto.metadata_props, read without decoding the (possibly large) graph. */
export function readOnnxMetadata(bytes: Uint8Array): Record<string, string> {
  const reader = protobuf.Reader.create(bytes)
  const metadata: Record<string, string> = {}
  while (reader.pos < reader.len) {
    const tag = reader.uint32()
    if (tag >>> 3 === 14 && (tag & 7) === 2) {
      const entry = StringStringEntryProto.decode(reader.bytes()) as unknown as {
        key: string
        value: string
      }
      metadata[entry.key] = entry.value
    } else {
      reader.skipType(tag & 7)
    }
  }
  return metadata
}
