// The refund application as an older app of the back office builds it: Ant Design 3 (class names
// .ant-select-selection, .ant-select-dropdown-menu-item, .ant-form-item-control-wrapper …),
// Form.create() and getFieldDecorator, run from antd 3's UMD build on window.React/ReactDOM/moment.
// Served for /zone/refund/apply?orderId=…&antd=3. Plain script (no build step): React.createElement.
/* global React, ReactDOM, antd */
(function () {
  'use strict';
  var h = React.createElement;
  var A = antd;
  var REASONS = ['质量问题', '商品与描述不符', '卖家发错货', '商品破损/污渍', '少件/漏发', '未收到货', '不想要了/七天无理由退货', '拍错/多拍', '其他'];
  var REMARK_MAX = 200;

  function yuan(fen) {
    var sign = fen < 0 ? '-' : '';
    var abs = Math.abs(fen);
    return sign + '¥' + Math.floor(abs / 100).toLocaleString('en-US') + '.' + String(abs % 100).padStart(2, '0');
  }
  function parseYuan(text) {
    var t = String(text == null ? '' : text)
      .trim()
      .replace(/^¥/, '')
      .replace(/,/g, '');
    if (!/^\d+(\.\d{1,2})?$/.test(t)) return NaN;
    var parts = t.split('.');
    return Number(parts[0]) * 100 + Number((parts[1] || '').padEnd(2, '0'));
  }
  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }).then(function (res) {
      return res
        .json()
        .catch(function () {
          return {};
        })
        .then(function (data) {
          if (!res.ok) throw new Error(data.message || data.error_msg || '请求失败（' + res.status + '）');
          if ('result' in data && data.result !== 1) throw new Error(data.error_msg || '系统繁忙，请稍后再试');
          return 'result' in data ? data.data : data;
        });
    });
  }

  /** The upload's own request: the file "uploads" for a moment. */
  function fakeUpload(opts) {
    var pct = 0;
    var timer = setInterval(function () {
      pct = Math.min(100, pct + 40);
      opts.onProgress({ percent: pct });
      if (pct === 100) {
        clearInterval(timer);
        opts.onSuccess({ name: opts.file.name });
      }
    }, 80);
    return {
      abort: function () {
        clearInterval(timer);
      },
    };
  }

  class ApplyForm extends React.Component {
    constructor(props) {
      super(props);
      this.state = { submitting: false, serverError: '' };
      this.submit = this.submit.bind(this);
    }
    submit(e) {
      e.preventDefault();
      var self = this;
      var order = this.props.order;
      this.props.form.validateFieldsAndScroll(function (err, v) {
        if (err) return;
        var returning = v.refundType === 'return-refund';
        self.setState({ submitting: true, serverError: '' });
        post('/api/refunds', {
          orderId: order.oid,
          refundType: v.refundType,
          reasonText: v.reason,
          amountFen: parseYuan(v.amount),
          remark: (v.remark || '').trim(),
          trackingNo: returning ? (v.trackingNo || '').trim() : '',
          courier: returning ? (v.courier || '').trim() : '',
          files: (v.evidence || []).map(function (f) {
            return f.name;
          }),
        }).then(
          function (created) {
            A.message.success('提交成功，请等待平台审核');
            setTimeout(function () {
              location.assign('/zone/refund/detail?id=' + encodeURIComponent(created.id));
            }, 300);
          },
          function (error) {
            self.setState({ submitting: false, serverError: error.message });
            A.message.error(error.message);
          },
        );
      });
    }
    render() {
      var order = this.props.order;
      var fd = this.props.form.getFieldDecorator;
      var unshipped = order.status === 'unshipped';
      var returning = this.props.form.getFieldValue('refundType') === 'return-refund';
      var item = { labelCol: { span: 4 }, wrapperCol: { span: 14 } };
      return h(
        A.Form,
        Object.assign({ id: 'refundForm', onSubmit: this.submit, autoComplete: 'off' }),
        this.state.serverError && h(A.Alert, { type: 'error', showIcon: true, message: '提交失败', description: this.state.serverError }),
        h(
          A.Form.Item,
          Object.assign({ label: '退款类型', extra: unshipped ? '订单尚未发货，仅支持“仅退款”' : '退货退款需买家寄回商品，请填写退货物流信息' }, item),
          fd('refundType', { rules: [{ required: true, message: '请选择退款类型' }] })(
            h(
              A.Radio.Group,
              { name: 'refundType' },
              h(A.Radio, { value: 'refund-only' }, '仅退款'),
              h(A.Radio, { value: 'return-refund', disabled: unshipped }, '退货退款'),
            ),
          ),
        ),
        h(
          A.Form.Item,
          Object.assign({ label: '退款原因' }, item),
          fd('reason', { rules: [{ required: true, message: '请选择退款原因' }] })(
            h(
              A.Select,
              { placeholder: '请选择退款原因', style: { maxWidth: 360 } },
              REASONS.map(function (r) {
                return h(A.Select.Option, { key: r, value: r }, r);
              }),
            ),
          ),
        ),
        h(
          A.Form.Item,
          Object.assign(
            { label: '退款金额', extra: '最多可退 ' + yuan(order.buyerPay) + '（实付款，含运费 ' + yuan(order.expressFee) + '），款项将原路退回' },
            item,
          ),
          fd('amount', {
            initialValue: (order.buyerPay / 100).toFixed(2),
            rules: [
              { required: true, message: '请输入退款金额' },
              {
                validator: function (_, value, cb) {
                  if (value == null || value === '') return cb();
                  var fen = parseYuan(value);
                  if (isNaN(fen)) return cb('请输入正确的金额，最多两位小数');
                  if (fen <= 0) return cb('退款金额必须大于 0');
                  if (fen > order.buyerPay) return cb('退款金额不能超过实付款 ' + yuan(order.buyerPay));
                  cb();
                },
              },
            ],
          })(h(A.Input, { prefix: '¥', placeholder: '请输入退款金额', style: { width: 220 } })),
        ),
        h(
          A.Form.Item,
          Object.assign({ label: '备注说明' }, item),
          fd('remark', { rules: [{ max: REMARK_MAX, message: '备注说明不能超过 ' + REMARK_MAX + ' 个字' }] })(
            h(A.Input.TextArea, { rows: 4, maxLength: REMARK_MAX, placeholder: '请具体描述问题，并与退款原因一致，便于平台审核' }),
          ),
        ),
        h(
          A.Form.Item,
          Object.assign({ label: '上传凭证', extra: '建议上传购买凭证（订单截图）和商品照片；退货退款还需填写退货物流信息' }, item),
          fd('evidence', {
            valuePropName: 'fileList',
            initialValue: [],
            getValueFromEvent: function (e) {
              return Array.isArray(e) ? e : e && e.fileList;
            },
          })(
            h(
              A.Upload,
              { listType: 'picture', accept: 'image/*,video/*', multiple: true, customRequest: fakeUpload },
              h(A.Button, null, h(A.Icon, { type: 'upload' }), '上传凭证'),
            ),
          ),
        ),
        returning &&
          h(
            A.Form.Item,
            Object.assign({ label: '物流单号' }, item),
            fd('trackingNo', { rules: [{ pattern: /^\s*[A-Za-z0-9-]{6,32}\s*$/, message: '请输入正确的物流单号' }] })(
              h(A.Input, { placeholder: '请输入买家退货的物流单号', style: { maxWidth: 360 } }),
            ),
          ),
        returning &&
          h(A.Form.Item, Object.assign({ label: '快递公司' }, item), fd('courier')(h(A.Input, { placeholder: '请输入快递公司', style: { maxWidth: 360 } }))),
        h(
          A.Form.Item,
          { wrapperCol: { span: 14, offset: 4 } },
          h(A.Button, { type: 'primary', htmlType: 'submit', size: 'large', loading: this.state.submitting }, '提交申请'),
          ' ',
          h(
            A.Button,
            {
              size: 'large',
              onClick: function () {
                location.assign('/zone/order/detail?id=' + encodeURIComponent(order.oid));
              },
            },
            '返回订单',
          ),
        ),
      );
    }
  }
  var RefundForm = A.Form.create({ name: undefined })(ApplyForm);

  class Page extends React.Component {
    constructor(props) {
      super(props);
      this.state = { order: null, error: null };
    }
    componentDidMount() {
      var self = this;
      var oid = new URLSearchParams(location.search).get('orderId') || '';
      post('/rest/app/tts/ks/seller/order/query/v2', { oid: oid }).then(
        function (order) {
          self.setState({ order: order });
        },
        function (error) {
          self.setState({ error: error });
        },
      );
    }
    render() {
      var o = this.state.order;
      var body;
      if (this.state.error) body = h(A.Alert, { type: 'error', showIcon: true, message: '加载失败', description: this.state.error.message });
      else if (!o) body = h('div', { className: 'page-loading' }, h(A.Spin, { size: 'large', tip: '加载中...' }));
      else {
        body = h(
          React.Fragment,
          null,
          h(
            A.Breadcrumb,
            null,
            h(A.Breadcrumb.Item, null, '售后'),
            h(A.Breadcrumb.Item, null, h('a', { href: '/zone/order/detail?id=' + encodeURIComponent(o.oid) }, '订单详情')),
            h(A.Breadcrumb.Item, null, '申请退款'),
          ),
          h('h1', { style: { fontSize: 20, margin: '8px 0 16px' } }, '申请退款'),
          h(A.Alert, { type: 'info', showIcon: true, message: '请如实填写退款信息，平台客服将在 1-3 个工作日内完成审核。' }),
          h(
            A.Card,
            { title: '订单信息' },
            h(
              A.Descriptions,
              { column: 4 },
              h(A.Descriptions.Item, { label: '订单编号' }, o.oid),
              h(A.Descriptions.Item, { label: '订单状态' }, o.statusDesc),
              h(
                A.Descriptions.Item,
                { label: '商品' },
                o.itemList
                  .map(function (i) {
                    return i.itemTitle + ' ×' + i.num;
                  })
                  .join('；'),
              ),
              h(A.Descriptions.Item, { label: '实付款' }, yuan(o.buyerPay)),
            ),
          ),
          h(A.Card, { title: '退款信息' }, h(RefundForm, { order: o })),
        );
      }
      return h(
        'div',
        null,
        h('div', { className: 'a3-header' }, h('img', { src: '/static/logo.svg', alt: '' }), '快手小店', h('small', null, '商家后台')),
        h('div', { className: 'a3-content' }, body),
      );
    }
  }

  ReactDOM.render(h(Page), document.getElementById('root'));
})();
